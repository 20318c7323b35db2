/**
 * Variable definition files (`.tfvars`, `.tfvars.json`): which of a folder's Terraform loads by itself and in
 * what order (Terraform's "Variable Definition Precedence": `terraform.tfvars`, `terraform.tfvars.json`, then
 * every `*.auto.tfvars` and `*.auto.tfvars.json` in the order of their names, a later file's value replacing an
 * earlier one's). What a JSON one assigns is read by `tfvarsJsonFile.ts`.
 */
import * as path from 'path';
import type { SourceFile } from './sourceFile';

/** A file of variable values: `.tfvars` or `.tfvars.json`. */
export function isVariableFile(p: string): boolean {
  return /\.tfvars(\.json)?$/i.test(p);
}

/** A `.tfvars.json` file (JSON syntax). */
export function isVariableJsonFile(p: string): boolean {
  return /\.tfvars\.json$/i.test(p);
}

/** Terraform loads it without being asked (`-var-file` names the others). Its names are case-sensitive. */
export function isAutoLoaded(p: string): boolean {
  const name = path.basename(p);
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(name);
}

/** Terraform's load order of auto-loaded files (later wins): the two `terraform.tfvars` first, then by name, bytewise. */
export function compareLoadOrder(a: string, b: string): number {
  const rank = (n: string) => (n === 'terraform.tfvars' ? 0 : n === 'terraform.tfvars.json' ? 1 : 2);
  const x = path.basename(a);
  const y = path.basename(b);
  return rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0);
}

/** One auto-loaded variable file of a folder, as the module index holds it (open or on disk). */
export interface VariableSource {
  /** Its file name, for messages. */
  name: string;
  file: SourceFile;
}
