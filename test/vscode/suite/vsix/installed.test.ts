// The packaged extension (`npm run package`), installed into the test host with --install-extension, works:
// run by test/vscode/runTest.mjs with VSCODE_TEST_SUITE=vsix and a dummy extensionDevelopmentPath, so the
// repository copy cannot stand in for the installed one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAll, EXTENSION_ID, hoverAt, open, positionOf, waitFor, waitForDiagnostic } from '../helpers';

describe('the installed .vsix', () => {
  after(closeAll);

  it('is the installed copy, not the repository', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'installed');
    const repo = process.env.VSCODE_REPO;
    assert.ok(repo, 'runTest.mjs passes VSCODE_REPO');
    assert.ok(!path.resolve(ext.extensionPath).startsWith(path.resolve(repo)), `${ext.extensionPath} is outside the repository`);
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.Workspace);
  });

  it('holds only what runs: bundles, schemas, snippets, language configuration, README, LICENSE, icon', () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).map((f) => f.split(path.sep).join('/'));
    const allowed = /^(package\.json|readme\.md|README\.md|LICENSE(\.txt)?|changelog\.md|\.vsixmanifest|dist\/(extension|server|cli)\.js|dist\/[^/]+\.wasm|schemas\/[^/]+\.json|snippets\/[^/]+\.json|client\/language-configuration\.json|images\/icon\.png)$/;
    assert.deepStrictEqual(files.filter((f) => !allowed.test(f)), []);
    for (const need of ['dist/extension.js', 'dist/server.js', 'schemas/alicloud_vpc_bgp_peer.json', 'snippets/terraform.json', 'images/icon.png']) assert.ok(files.includes(need), need);
    assert.ok(!fs.readFileSync(path.join(root, 'dist/extension.js'), 'utf8').includes('sourceMappingURL'), 'production bundle (no source maps)');
  });

  it('starts its server and reports, completes and explains', async () => {
    await api();
    const { doc } = await open('features/main.tf');
    const d = await waitForDiagnostic(doc.uri, 'value-out-of-range');
    assert.strictEqual(doc.getText(d.range), '300');
    assert.match(await hoverAt(doc.uri, 'bfd_multi_hop = 300', 2), /1.{1,3}255/);
    const pos = positionOf(doc, 'resource "alicloud_vpc_bgp_peer" "typing"').translate(2, 2);
    const labels = await waitFor('completion items', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      const names = l.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return names.includes('bfd_multi_hop') && names;
    });
    assert.ok(labels.includes('enable_bfd'));
  });

  it('has its snippets and its import command', async () => {
    const { doc, editor } = await open('features/main.tf');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'terraform', name: 'BGP peer import block' });
    assert.match(doc.getText(), /import \{\n {2}to = alicloud_vpc_bgp_peer\.main\n/);
    await vscode.commands.executeCommand('leaveSnippet');
    const r = await vscode.commands.executeCommand<{ status: string }>('alicloudBgp.importBgpPeer', { answers: { id: 'bgp-vsix1', name: 'from_vsix', choice: 'file' } });
    assert.strictEqual(r.status, 'done');
    assert.match(doc.getText(), /to = alicloud_vpc_bgp_peer\.from_vsix\n {2}id = "bgp-vsix1"/);
  });
});
