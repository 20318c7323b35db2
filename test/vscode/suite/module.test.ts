// Module-wide understanding inside the real VS Code: resources declared in other files of the folder,
// go to definition and references across files, the outline, and a module pinned to an old provider.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, codeOf, open, ours, positionOf, waitFor, waitForDiagnostic, writeFile, wsUri } from './helpers';

describe('module-wide understanding', () => {
  before(async () => {
    await api();
  });

  it('a peer sees the group declared in another file; an undeclared one is an error with fixes', async () => {
    const { doc } = await open('module/split/peers.tf');
    // Wait until the server has analysed the file, then check it found nothing (the group is in network.tf).
    await waitFor('peers.tf analysed', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return symbols && symbols.length === 2;
    });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(ours(doc.uri).map(codeOf), []);

    const uri = writeFile('module/split/extra.tf', 'resource "alicloud_vpc_bgp_peer" "x" {\n  bgp_group_id = alicloud_vpc_bgp_group.nope.id\n}\n');
    const extra = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(extra);
    const d = await waitForDiagnostic(uri, 'undeclared-reference');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    assert.ok(actions.some((a) => a.title === 'Refer to alicloud_vpc_bgp_group.primary'), actions.map((a) => a.title).join(' | '));
  });

  it('go to definition and find references work across the files of the module', async () => {
    const { doc } = await open('module/split/peers.tf');
    const at = positionOf(doc, 'alicloud_vpc_bgp_group.primary', 'alicloud_vpc_bgp_group.'.length + 2);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
    const targets = defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri).fsPath);
    assert.ok(targets.some((t) => path.basename(t) === 'network.tf'), targets.join(', '));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
    assert.ok(refs.filter((r) => path.basename(r.uri.fsPath) === 'peers.tf').length >= 2, refs.map((r) => `${path.basename(r.uri.fsPath)}:${r.range.start.line}`).join(', '));
  });

  it('the outline lists the blocks of a file', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', wsUri('module/split/network.tf'));
    assert.deepStrictEqual(symbols.map((s) => s.name), [
      'data.alicloud_express_connect_physical_connections.dc',
      'alicloud_express_connect_virtual_border_router.vbr',
      'alicloud_vpc_bgp_group.primary',
    ]);
  });

  it('an argument newer than the provider pinned in .terraform.lock.hcl is an error naming the version', async () => {
    const { doc } = await open('module/old-provider/main.tf');
    const d = await waitForDiagnostic(doc.uri, 'newer-than-provider');
    assert.match(d.message, /"route_limit" needs alicloud provider 1\.261\.0 or newer; this module uses 1\.230\.0/);
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'route_limit', 2));
    const text = hover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Since provider 1\.261\.0/);
  });

  it('F2 on a group renames it in every file of the module, with a moved block; a taken name is refused', async () => {
    writeFile('module/rename/main.tf', 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_group" "g2" {\n  router_id = "vbr-2"\n  peer_asn  = 65011\n}\n');
    writeFile('module/rename/peers.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\n');
    const { doc } = await open('module/rename/peers.tf');
    const at = positionOf(doc, 'group.g.id', 'group.'.length);
    // Asked until the server has read the module (a first answer may come before it has).
    const prepared = await waitFor('prepare rename', async () => {
      try {
        return await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', doc.uri, at);
      } catch {
        return undefined;
      }
    });
    assert.strictEqual(prepared.placeholder, 'g');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, 'core');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const main = await vscode.workspace.openTextDocument(wsUri('module/rename/main.tf'));
    assert.strictEqual(doc.getText(), 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.core.id\n}\n');
    assert.match(main.getText(), /^resource "alicloud_vpc_bgp_group" "core" \{/);
    assert.match(main.getText(), /\nmoved \{\n  from = alicloud_vpc_bgp_group\.g\n  to   = alicloud_vpc_bgp_group\.core\n\}\n$/);
    // The group g2 exists: renaming core to it is refused with the reason.
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, 'group.core.id', 'group.'.length), 'g2')),
      /alicloud_vpc_bgp_group\.g2 is already declared in this module/,
    );
  });
});
