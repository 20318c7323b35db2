// Every contributed snippet, inserted by name through `editor.action.insertSnippet` (so VS Code resolves it
// from package.json's contributes.snippets) into a fresh file of its language, replacing a placeholder that
// has an error. Once the server has seen the new text (the placeholder's error is gone) it must report no
// error at all, and it must understand what was inserted (it answers a hover on an inserted argument).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAll, EXTENSION_ID, hoverAt, ours, positionOf, summary, waitFor, writeFile } from './helpers';

const EXT: Record<string, string> = { terraform: 'tf', typescript: 'ts', python: 'py', java: 'java', csharp: 'cs', go: 'go' };
const GROUP = 'resource "alicloud_vpc_bgp_group" "main" {\n  router_id = "vbr-bp1example"\n  peer_asn  = 65010\n}\n\n';

/** The file around the placeholder (`@@`): what a real file of that language looks like at that spot. */
function fixture(language: string, name: string): { text: string; placeholder: string; hover?: string } {
  const cdk = (placeholder: string, text: string) => ({ text, placeholder, hover: { typescript: 'peerIpAddress', python: 'peer_ip_address', java: 'peerIpAddress', csharp: 'PeerIpAddress', go: 'PeerIpAddress' }[language] });
  switch (language) {
    case 'terraform': {
      const placeholder = 'resource "alicloud_vpc_bgp_peer" "placeholder" {\n  bgp_group_id = ""\n}';
      if (name === 'BGP timeouts') {
        return { text: `${GROUP}resource "alicloud_vpc_bgp_peer" "main" {\n  bgp_group_id = alicloud_vpc_bgp_group.main.id\n  @@\n}\n`, placeholder: 'timeouts_placeholder = ""', hover: 'create' };
      }
      if (name === 'BGP peer chain') return { text: '@@\n', placeholder, hover: 'peering_subnet_mask' };
      if (name === 'BGP peer import block') return { text: '@@\n', placeholder };
      return { text: `${GROUP}@@\n`, placeholder, hover: 'peer_ip_address' };
    }
    case 'typescript':
      return cdk('new VpcBgpPeer(this, "placeholder", { bgpGroupId: "" });', 'import { Construct } from "constructs";\nimport { TerraformStack } from "cdktf";\nimport { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";\n\nexport class S extends TerraformStack {\n  constructor(scope: Construct, id: string, group: { id: string }) {\n    super(scope, id);\n    @@\n  }\n}\n');
    case 'python':
      return cdk('VpcBgpPeer(self, "placeholder", bgp_group_id="")', 'from cdktf import TerraformStack\nfrom imports.alicloud.vpc_bgp_peer import VpcBgpPeer\n\n\nclass S(TerraformStack):\n    def __init__(self, scope, id, group):\n        super().__init__(scope, id)\n        @@\n');
    case 'java':
      return cdk('VpcBgpPeer.Builder.create(this, "placeholder").bgpGroupId("").build();', 'public class Main extends TerraformStack {\n    public Main(final Construct scope, final String id, VpcBgpGroup group) {\n        super(scope, id);\n        @@\n    }\n}\n');
    case 'csharp':
      return cdk('new VpcBgpPeer(this, "placeholder", new VpcBgpPeerConfig { BgpGroupId = "" });', 'class MainStack : TerraformStack\n{\n    public MainStack(Construct scope, string id, VpcBgpGroup group) : base(scope, id)\n    {\n        @@\n    }\n}\n');
    case 'go':
      return cdk('vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("placeholder"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("")})', 'package main\n\nfunc NewMyStack(scope constructs.Construct, id string, group vpcbgpgroup.VpcBgpGroup) cdktf.TerraformStack {\n\tstack := cdktf.NewTerraformStack(scope, &id)\n\t@@\n\treturn stack\n}\n');
  }
  throw new Error(`no fixture for ${language}`);
}

describe('snippets: each one inserted in a real editor, and the server finds no error in the result', () => {
  before(api);
  after(closeAll);

  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const contributed: { language: string; path: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.snippets;
  let n = 0;
  for (const { language, path: file } of contributed) {
    const snippets: Record<string, { body: string[] }> = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
    for (const name of Object.keys(snippets)) {
      const dir = `snippets-run/${++n}-${language}`;
      it(`${language}: "${name}"`, async () => {
        const { text, placeholder, hover } = fixture(language, name);
        const fileName = language === 'java' ? 'Main.java' : `main.${EXT[language]}`;
        const uri = writeFile(`${dir}/${fileName}`, text.replace('@@', placeholder));
        const doc = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(doc, { preview: false });
        assert.strictEqual(doc.languageId, language);
        // The placeholder's error shows that the server reads this file...
        await waitFor(`the placeholder's error (now: ${summary(uri)})`, () => ours(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
        const start = positionOf(doc, placeholder);
        editor.selection = new vscode.Selection(start, doc.positionAt(doc.offsetAt(start) + placeholder.length));
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: language, name });
        await vscode.commands.executeCommand('leaveSnippet');
        assert.ok(!doc.getText().includes('placeholder'), `the snippet replaced the placeholder:\n${doc.getText()}`);
        assert.ok(!/\$\{?\d/.test(doc.getText()), 'no unexpanded tab stop');
        // ...and its disappearance that the server has analysed the inserted text: no error may remain.
        await waitFor(`no error after inserting "${name}" (now: ${summary(uri)}) in:\n${doc.getText()}`,
          () => !ours(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
        await new Promise((r) => setTimeout(r, 200)); // a late publish would bring an error back
        assert.deepStrictEqual(ours(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
        if (hover) assert.notStrictEqual(await hoverAt(uri, hover, 1), '', `the server understands the inserted ${hover}`);
        await vscode.commands.executeCommand('workbench.action.files.save');
      });
    }
  }
});
