// CDKTF inside the real VS Code: completion of property names, hover and a quick fix, in TypeScript and
// Python, each in the language's own names and syntax.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, positionOf, waitFor, waitForDiagnostic, waitForNoDiagnostic, writeFile } from './helpers';

interface Case {
  file: string;
  text: string;
  /** Where to ask for completion: after this text, on the blank line inside the construct. */
  blankLineAfter: string;
  expectName: string;
  hoverOn: string;
  fixed: RegExp;
}

const cases: Case[] = [
  {
    file: 'cdktf-suite/stack.ts',
    text:
      'import { Construct } from "constructs";\nimport { TerraformStack } from "cdktf";\nimport { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";\n\n' +
      'export class Stack extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n' +
      '    new VpcBgpPeer(this, "peer", {\n      bgpGroupId: "bgpg-example",\n      bfdMultiHop: 3,\n\n    });\n  }\n}\n',
    blankLineAfter: 'bfdMultiHop: 3,\n',
    expectName: 'enableBfd',
    hoverOn: 'bfdMultiHop',
    fixed: /enableBfd: true,/,
  },
  {
    file: 'cdktf-suite/stack.py',
    text:
      'from cdktf import TerraformStack\nfrom imports.alicloud.vpc_bgp_peer import VpcBgpPeer\n\n\nclass Stack(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n' +
      '        VpcBgpPeer(self, "peer",\n            bgp_group_id="bgpg-example",\n            bfd_multi_hop=3,\n\n        )\n',
    blankLineAfter: 'bfd_multi_hop=3,\n',
    expectName: 'enable_bfd',
    hoverOn: 'bfd_multi_hop',
    fixed: /enable_bfd=True,/,
  },
];

describe('CDKTF in a real VS Code', () => {
  before(async () => {
    await api();
  });

  for (const c of cases) {
    it(`${c.file}: completion, hover and a quick fix in the language's names`, async () => {
      const uri = writeFile(c.file, c.text);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      const warning = await waitForDiagnostic(uri, 'bfd-multi-hop-without-bfd');
      assert.strictEqual(doc.getText(warning.range), c.hoverOn);

      const blank = positionOf(doc, c.blankLineAfter, c.blankLineAfter.length);
      const at = new vscode.Position(blank.line, doc.lineAt(blank.line).text.length);
      const list = await waitFor('completion items', async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
        return l.items.length > 0 ? l : undefined;
      });
      // Ours only: the editor adds word-based suggestions of its own.
      const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Property && / · /.test(i.detail ?? '')).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes(c.expectName), labels.join(', '));
      assert.ok(!labels.includes('status') && !labels.includes(c.hoverOn), 'read-only and written names are not offered');

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(doc, c.hoverOn, 2));
      const text = hovers.flatMap((h) => h.contents.map((m) => (typeof m === 'string' ? m : m.value))).join('\n');
      assert.match(text, /1.{1,3}255/);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range, vscode.CodeActionKind.QuickFix.value);
      // The fix's title is in the language's own syntax too.
      const fix = actions.find((a) => a.title === (c.file.endsWith('.ts') ? 'Set enableBfd: true' : 'Set enable_bfd=True'));
      assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(doc.getText(), c.fixed);
      await waitForNoDiagnostic(uri, 'bfd-multi-hop-without-bfd');
    });
  }

  it('rename in a CDKTF program is the language\'s own: the server is not asked, so its "can\'t be renamed" never joins the reason', async () => {
    const uri = writeFile('cdktf-suite/rename.ts', 'const group = "bgpg-example";\nexport const peerGroup = group;\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // On a keyword no provider can rename: the reason is the TypeScript service's alone.
    const reason = await Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', uri, positionOf(doc, 'export', 2))).then(
      () => '',
      (e: Error) => e.message,
    );
    assert.ok(reason.length > 0, 'a keyword is not renamed');
    assert.doesNotMatch(reason, /The element can't be renamed/);
    // And a variable is renamed by it, everywhere in the file.
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, positionOf(doc, 'group =', 2), 'bgpGroup');
    assert.strictEqual(edit.get(uri).length, 2);
  });
});

