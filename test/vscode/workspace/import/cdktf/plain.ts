import { Construct } from "constructs";
import { TerraformStack } from "cdktf";

export class EmptyStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

  }
}
