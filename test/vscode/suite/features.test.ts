// The language features through VS Code's own command API, as the editor uses them: completion items,
// hover text, diagnostics (Terraform and CDKTF), and a quick fix found with vscode.executeCodeActionProvider
// and applied with workspace.applyEdit.
import * as assert from 'assert';
import * as vscode from 'vscode';
import * as fs from 'fs';
import { api, closeAll, codeOf, open, ours, positionOf, waitFor, waitForDiagnostic, waitForNoDiagnostic, writeFile } from './helpers';

const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('language features in a real VS Code', () => {
  before(async () => {
    await api();
  });
  after(closeAll);

  it('reports diagnostics on the offending value, with the right code and severity', async () => {
    const { doc } = await open('features/main.tf');
    const range = await waitForDiagnostic(doc.uri, 'value-out-of-range');
    assert.strictEqual(range.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(doc.getText(range.range), '300');
    assert.match(range.message, /1.*255/);
    const bfd = await waitForDiagnostic(doc.uri, 'bfd-multi-hop-without-bfd');
    assert.strictEqual(bfd.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(bfd.range.start.line, positionOf(doc, 'bfd_multi_hop = 10').line);
  });

  it('completes the arguments not yet written, with details and docs', async () => {
    const { doc } = await open('features/main.tf');
    const pos = positionOf(doc, 'resource "alicloud_vpc_bgp_peer" "typing"').translate(2, 2);
    const list = await waitFor('completion items', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      return l.items.some((i) => i.label === 'bfd_multi_hop' || (i.label as vscode.CompletionItemLabel).label === 'bfd_multi_hop') && l;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const want of ['peer_ip_address', 'enable_bfd', 'bfd_multi_hop', 'ip_version', 'timeouts']) assert.ok(labels.includes(want), `${want} in ${labels}`);
    assert.ok(!labels.includes('bgp_group_id'), 'already written');
    assert.ok(!labels.includes('status'), 'read-only');
    const ip = list.items.find((i) => i.label === 'ip_version')!;
    assert.match(String((ip.insertText as vscode.SnippetString).value ?? ip.insertText), /IPv4.*IPv6|\|IPv4,IPv6\|/);
  });

  it('shows hover text for an argument', async () => {
    const { doc } = await open('features/main.tf');
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'bfd_multi_hop = 300', 3));
      return h.length > 0 && h;
    });
    const text = hoverText(hovers);
    assert.match(text, /bfd_multi_hop/);
    assert.match(text, /1.{1,3}255/);
    assert.match(text, /enable_bfd/);
  });

  it('applies a quick fix through vscode.executeCodeActionProvider and workspace.applyEdit', async () => {
    const { doc } = await open('features/main.tf');
    const d = await waitForDiagnostic(doc.uri, 'bfd-multi-hop-without-bfd');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => /enable_bfd = true/.test(a.title));
    assert.ok(fix?.edit, `a fix that sets enable_bfd = true among ${JSON.stringify(titles)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const block = doc.getText().slice(doc.getText().indexOf('"no_bfd" {'));
    assert.match(block.slice(0, block.indexOf('}')), /\n {2}enable_bfd {4}= true\n/, 'enable_bfd = true, aligned like its neighbours');
    await waitForNoDiagnostic(doc.uri, 'bfd-multi-hop-without-bfd');
    assert.ok(ours(doc.uri).some((x) => codeOf(x) === 'value-out-of-range'), 'the other finding stays');
  });

  it('applies "Fix all" on save when editor.codeActionsOnSave asks for source.fixAll, leaving the guesses', async () => {
    const text = 'resource "alicloud_vpc_bgp_peer" "fix_all" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = "yes"\n  bfd_multihop  = 300\n  status        = "Available"\n}\n';
    const uri = writeFile('fixall/main.tf', text);
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'terraform' });
    await config.update('codeActionsOnSave', { 'source.fixAll': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const { doc } = await open('fixall/main.tf');
      await waitForDiagnostic(doc.uri, 'read-only-argument');
      // The Source Action menu lists it.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source');
      assert.ok(actions.some((a) => a.kind?.value === 'source.fixAll.alicloudBgp'), JSON.stringify(actions.map((a) => a.title)));
      // An edit, then a save as the user makes it (the command, which runs the save participants).
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 0), '# saved\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const fixed = '# saved\nresource "alicloud_vpc_bgp_peer" "fix_all" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n';
      await waitFor('the fixed text on disk', () => fs.readFileSync(uri.fsPath, 'utf8') === fixed);
      assert.strictEqual(doc.getText(), fixed);
      await waitForNoDiagnostic(doc.uri, 'read-only-argument');
      assert.ok(ours(doc.uri).some((x) => codeOf(x) === 'value-out-of-range'), 'the out-of-range value is left for the user');
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  it('finds a BGP peer of the workspace with "Go to Symbol in Workspace", in a file not open, and in a file written since', async () => {
    const symbol = (query: string) =>
      waitFor(`a symbol for ${query}`, async () => {
        const s = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query);
        return s.length > 0 && s.map((x) => [x.name, x.kind, x.containerName, vscode.workspace.asRelativePath(x.location.uri), x.location.range.start.line]);
      });
    // symbols/far.tf is in the fixture and no test opens it: the server's index of the workspace has it.
    assert.deepStrictEqual(await symbol('farawaypeer'), [['alicloud_vpc_bgp_peer.far_away_peer', vscode.SymbolKind.Class, 'symbols', 'symbols/far.tf', 1]]);
    // A file written now: the server hears of it from the client's file watcher.
    writeFile('symbols/near.tf', 'resource "alicloud_vpc_bgp_group" "written_later" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n');
    assert.deepStrictEqual(await symbol('writtenlater'), [['alicloud_vpc_bgp_group.written_later', vscode.SymbolKind.Class, 'symbols', 'symbols/near.tf', 0]]);
  });

  it('offers "Import existing BGP peer…" on a peer block, with the block attached', async () => {
    const { doc } = await open('features/main.tf');
    const pos = positionOf(doc, 'enable_bfd    = true');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos));
    const imp = actions.find((a) => a.command?.command === 'alicloudBgp.importBgpPeer');
    assert.ok(imp, `import action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.strictEqual(imp.title, 'Import existing BGP peer…');
    assert.strictEqual(imp.kind?.value, 'refactor');
    assert.strictEqual(imp.command!.arguments![0].name, 'out_of_range');
    const outside = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(3, 2, 3, 2));
    assert.ok(!outside.some((a) => a.command?.command === 'alicloudBgp.importBgpPeer'), 'not on a BGP group block');
  });

  it('silences a finding with the "Ignore … on this line" quick fix, which writes an alicloud-bgp-ignore comment', async () => {
    const { doc } = await open('features/main.tf');
    const d = await waitForDiagnostic(doc.uri, 'value-out-of-range');
    const line = d.range.start.line;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title === 'Ignore "value-out-of-range" on this line');
    assert.ok(ignore?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.strictEqual(doc.lineAt(line).text, '  # alicloud-bgp-ignore: value-out-of-range');
    assert.match(doc.lineAt(line + 1).text, /^ {2}bfd_multi_hop = 300/);
    await waitForNoDiagnostic(doc.uri, 'value-out-of-range');
  });

  it('serves CDKTF TypeScript and Python files too (diagnostics and hover)', async () => {
    const ts = (await open('features/cdktf/main.ts')).doc;
    assert.strictEqual(ts.languageId, 'typescript');
    const d = await waitForDiagnostic(ts.uri, 'value-out-of-range');
    assert.strictEqual(ts.getText(d.range), '300');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ts.uri, positionOf(ts, 'bfdMultiHop', 2));
    assert.match(hoverText(hovers), /1.{1,3}255/);
    const py = (await open('features/cdktf/main.py')).doc;
    assert.strictEqual(py.languageId, 'python');
    await waitForDiagnostic(py.uri, 'bfd-multi-hop-without-bfd');
  });

  it('shows a code lens on a virtual border router counting its groups and peers, whose command lists the peers', async () => {
    const vbr = 'alicloud_express_connect_virtual_border_router';
    writeFile(
      'lens/main.tf',
      `resource "${vbr}" "edge" {\n  physical_connection_id = "pc-1"\n  vlan_id                = 1\n}\n` +
        `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = ${vbr}.edge.id\n  peer_asn  = 65010\n}\n` +
        'resource "alicloud_vpc_bgp_peer" "p" {\n  count        = 2\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\n',
    );
    const { doc } = await open('lens/main.tf');
    const lenses = () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    const onVbr = await waitFor('a resolved code lens on the VBR', async () => (await lenses()).find((l) => l.range.start.line === 0 && l.command?.title));
    assert.strictEqual(onVbr.command!.title, '1 BGP group, 2 BGP peers (of 8)');
    assert.strictEqual(onVbr.command!.command, 'editor.action.showReferences');
    const [uri, position, locations] = onVbr.command!.arguments as [vscode.Uri, vscode.Position, vscode.Location[]];
    assert.ok(uri instanceof vscode.Uri && position instanceof vscode.Position, 'VS Code types, as showReferences takes them');
    assert.strictEqual(uri.toString(), doc.uri.toString());
    assert.deepStrictEqual(locations.map((l) => (l instanceof vscode.Location ? l.range.start.line : -1)), [8]);
    const onGroup = (await lenses()).find((l) => l.range.start.line === 4);
    assert.strictEqual(onGroup?.command?.title, '2 BGP peers');
    // Runs as a click does (raw protocol JSON would be refused as an illegal argument).
    await vscode.commands.executeCommand(onVbr.command!.command, ...onVbr.command!.arguments!);
  });

  it('alicloudBgp.codeLens.enable = false takes the lenses away without a reload', async () => {
    const { doc } = await open('lens/main.tf');
    const lenses = () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    await waitFor('the lenses', async () => (await lenses()).length === 2);
    const config = vscode.workspace.getConfiguration('alicloudBgp');
    await config.update('codeLens.enable', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('no lens', async () => (await lenses()).length === 0);
    } finally {
      await config.update('codeLens.enable', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the lenses back', async () => (await lenses()).length === 2);
  });
});
