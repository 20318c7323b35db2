// "Import existing BGP peer…" end to end in a real VS Code: the command runs its real code path with the
// answers scripted (`answers` replaces only the input boxes; each answer goes through the same validation a
// user's typing does). Terraform: import block + skeleton into this file or imports.tf, terraform import in a
// terminal (a fake terraform records its argv and cwd); CDKTF: generateConfigForImport / importFrom in each
// language. Hostile input is rejected, cancelling changes nothing, no file is overwritten, and an edit is not
// applied to a document that changed meanwhile.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ImportRequest, ImportResult } from '../../../client/src/importCommand';
import type { InputRequest } from '../../../client/src/prompts';
import { api, closeAll, open, ours, positionOf, setText, waitFor, waitForNoDiagnostic, workspaceRoot, wsPath, writeFile } from './helpers';

const run = (req: ImportRequest) => vscode.commands.executeCommand<ImportResult>('alicloudBgp.importBgpPeer', req);
const ID = 'bgp-2zev8h2uxpbn0imported1';

/** The code action the server attaches to the block at `needle`, as the light bulb would run it. */
async function lightBulb(doc: vscode.TextDocument, needle: string): Promise<ImportRequest> {
  const pos = positionOf(doc, needle);
  const actions = await waitFor('the import code action', async () => {
    const a = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos));
    return a.some((x) => x.command?.command === 'alicloudBgp.importBgpPeer') && a;
  });
  return actions.find((x) => x.command?.command === 'alicloudBgp.importBgpPeer')!.command!.arguments![0];
}

describe('import command: Terraform', () => {
  before(api);
  afterEach(closeAll);

  it('from the palette: adds an import block and a resource skeleton to the current file', async () => {
    const { doc } = await open('import/tf/main.tf');
    const before = doc.getText();
    const r = await run({ answers: { id: ` ${ID} `, name: 'imported', choice: 'file' } });
    assert.deepStrictEqual(r, { status: 'done', choice: 'file', uri: doc.uri.toString() });
    assert.strictEqual(doc.getText(), `${before}\nimport {\n  to = alicloud_vpc_bgp_peer.imported\n  id = "${ID}"\n}\n\n` +
      'resource "alicloud_vpc_bgp_peer" "imported" {\n  bgp_group_id = alicloud_vpc_bgp_group.dc.id\n' +
      "  # `terraform plan` shows the imported peer's other arguments (peer_ip_address, enable_bfd, …) to copy here.\n}\n");
    // The result is a valid module for the server too.
    await waitForNoDiagnostic(doc.uri);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepStrictEqual(ours(doc.uri).map((d) => d.message), []);
  });

  it('from the light bulb: the name box shows the block\'s name, and only the import block is added', async () => {
    const { doc } = await open('import/tf/main.tf');
    const before = doc.getText();
    const req = await lightBulb(doc, 'peer_ip_address');
    assert.strictEqual(req.name, 'existing');
    let shown: InputRequest | undefined;
    let offered: string[] = [];
    const r = await run({
      ...req,
      answers: {
        id: ID,
        name: (q) => { shown = q as InputRequest; return shown.value ?? null; }, // accept what is prefilled
        choice: (keys) => { offered = keys as string[]; return 'file'; },
      },
    });
    assert.strictEqual(r.status, 'done', r.message);
    assert.strictEqual(shown?.value, 'existing');
    assert.deepStrictEqual(offered, ['file', 'importsTf', 'terminal']);
    assert.strictEqual(doc.getText(), `${before}\nimport {\n  to = alicloud_vpc_bgp_peer.existing\n  id = "${ID}"\n}\n`);
  });

  it('into imports.tf: creates it, and appends to it the next time (never overwrites)', async () => {
    await open('import/tf/main.tf');
    const target = wsPath('import/tf/imports.tf');
    assert.ok(!fs.existsSync(target));
    const r1 = await run({ answers: { id: 'bgp-first1', name: 'first', choice: 'importsTf' } });
    assert.strictEqual(r1.status, 'done');
    assert.match(fs.readFileSync(target, 'utf8'), /^import \{\n {2}to = alicloud_vpc_bgp_peer\.first\n {2}id = "bgp-first1"\n\}\n\nresource "alicloud_vpc_bgp_peer" "first" \{/);
    // "first" is now taken in this module.
    await open('import/tf/main.tf');
    const taken = await run({ answers: { id: 'bgp-second2', name: 'first', choice: 'importsTf' } });
    assert.strictEqual(taken.status, 'rejected');
    assert.match(taken.message!, /alicloud_vpc_bgp_peer\.first already exists in this module/);
    await open('import/tf/main.tf');
    const r2 = await run({ answers: { id: 'bgp-second2', name: 'second', choice: 'importsTf' } });
    assert.strictEqual(r2.status, 'done');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
    assert.match(doc.getText(), /alicloud_vpc_bgp_peer\.first[\s\S]*"bgp-first1"[\s\S]*alicloud_vpc_bgp_peer\.second[\s\S]*"bgp-second2"/);
    await doc.save();
  });

  it('rejects hostile or malformed IDs and names with a clear message, changing nothing', async () => {
    const { doc } = await open('import/tf/main.tf');
    const before = doc.getText();
    const terminals = vscode.window.terminals.length;
    const ids: [string, RegExp][] = [
      ['bgp-abc"; rm -rf ~; echo "', /"\\"" \(character 8\) is not allowed|""" \(character 8\)/],
      ['bgp-abc;ls', /";" \(character 8\) is not allowed/],
      ['bgp-$(touch /tmp/pwned)', /"\$" \(character 5\) is not allowed/],
      ['bgp-abc\nterraform destroy', /a line break/],
      ['bgp-abc`id`', /"`"/],
      ["bgp-'x'", /"'"/],
      ['${file("/etc/passwd")}', /starts with "bgp-"/],
      ['bgpg-abc', /BGP group ID/],
      ['BGP-ABC', /lower-case/],
      ['', /Enter the ID/],
    ];
    for (const [id, message] of ids) {
      const r = await run({ answers: { id, name: 'x', choice: 'terminal' } });
      assert.strictEqual(r.status, 'rejected', JSON.stringify(id));
      assert.strictEqual(r.step, 'id');
      assert.match(r.message!, message, JSON.stringify(id));
    }
    const names: [string, RegExp][] = [
      ['a b', /a space is not allowed/], ['x"y', /is not allowed/], ['a;b', /";" is not allowed/], ['$(id)', /"\$" is not allowed/],
      ['a\nb', /a line break/], ['1peer', /starts with "1"/], ['existing', /already exists/], ['', /Enter a name/],
    ];
    for (const [name, message] of names) {
      const r = await run({ answers: { id: ID, name, choice: 'terminal' } });
      assert.strictEqual(r.status, 'rejected', JSON.stringify(name));
      assert.strictEqual(r.step, 'name');
      assert.match(r.message!, message, JSON.stringify(name));
    }
    assert.strictEqual(doc.getText(), before, 'the document is unchanged');
    assert.strictEqual(vscode.window.terminals.length, terminals, 'no terminal was started');
  });

  it('cancelling at any step changes nothing', async () => {
    const { doc } = await open('import/tf/main.tf');
    const before = doc.getText();
    const files = fs.readdirSync(wsPath('import/tf')).sort();
    const terminals = vscode.window.terminals.length;
    for (const answers of [{ id: null }, { id: ID, name: null }, { id: ID, name: 'cancelled', choice: null }] as Record<string, string | null>[]) {
      const r = await run({ answers });
      assert.strictEqual(r.status, 'cancelled');
      assert.strictEqual(r.step, Object.keys(answers).at(-1));
    }
    assert.strictEqual(doc.getText(), before);
    assert.deepStrictEqual(fs.readdirSync(wsPath('import/tf')).sort(), files);
    assert.strictEqual(vscode.window.terminals.length, terminals);
  });

  it('runs terraform import in a terminal: argv only, no shell, in the module folder, terraform from settings', async function () {
    this.timeout(60000);
    // Names a shell would act on: if any of them reached a shell, PWNED files would appear.
    const hostile = `odd $(touch PWNED1); 'q" \`touch PWNED2\``;
    const bin = path.join(workspaceRoot(), `tf bin ${hostile}`);
    const record = path.join(workspaceRoot(), 'terraform-argv.json');
    fs.mkdirSync(bin, { recursive: true });
    const fake = path.join(bin, 'terraform');
    fs.writeFileSync(fake, `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }));\n`);
    fs.chmodSync(fake, 0o755);
    const moduleDir = `import/mod ${hostile}`;
    writeFile(`${moduleDir}/main.tf`, 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\n');
    await vscode.workspace.getConfiguration('alicloudBgp').update('terraform.path', fake, vscode.ConfigurationTarget.Global);
    try {
      const { doc } = await open(`${moduleDir}/main.tf`);
      const r = await run({ answers: { id: ID, name: 'via_cli', choice: 'terminal' } });
      assert.strictEqual(r.status, 'done', r.message);
      assert.deepStrictEqual(r.terminal, { shellPath: fake, shellArgs: ['import', 'alicloud_vpc_bgp_peer.via_cli', ID], cwd: wsPath(moduleDir) });
      const seen = await waitFor('the fake terraform to run', () => fs.existsSync(record) && JSON.parse(fs.readFileSync(record, 'utf8')), 30000);
      assert.deepStrictEqual(seen, { argv: ['import', 'alicloud_vpc_bgp_peer.via_cli', ID], cwd: wsPath(moduleDir) });
      // terraform import needs the resource block: it was added and saved first.
      assert.match(fs.readFileSync(doc.fileName, 'utf8'), /resource "alicloud_vpc_bgp_peer" "via_cli" \{\n {2}bgp_group_id = alicloud_vpc_bgp_group\.g\.id\n/);
      const pwned = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pwned(path.join(dir, e.name)) : /PWNED/.test(e.name) ? [e.name] : []));
      assert.deepStrictEqual(pwned(workspaceRoot()), [], 'nothing was interpreted by a shell');
    } finally {
      await vscode.workspace.getConfiguration('alicloudBgp').update('terraform.path', undefined, vscode.ConfigurationTarget.Global);
      for (const t of vscode.window.terminals) t.dispose();
    }
  });

  it('a terraform that cannot be found is reported, and nothing runs', async () => {
    await vscode.workspace.getConfiguration('alicloudBgp').update('terraform.path', '/nonexistent/terraform', vscode.ConfigurationTarget.Global);
    try {
      await open('import/tf/main.tf');
      const terminals = vscode.window.terminals.length;
      const r = await run({ ...(await lightBulb((await open('import/tf/main.tf')).doc, 'peer_ip_address')), answers: { id: ID, name: 'existing', choice: 'terminal' } });
      assert.strictEqual(r.status, 'failed');
      assert.match(r.message!, /not an executable file.*alicloudBgp\.terraform\.path/);
      assert.strictEqual(vscode.window.terminals.length, terminals);
    } finally {
      await vscode.workspace.getConfiguration('alicloudBgp').update('terraform.path', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('import command: CDKTF', () => {
  before(api);
  afterEach(closeAll);

  const cases: { file: string; generate: string; importFrom: string }[] = [
    { file: 'main.ts', generate: '    Peer.generateConfigForImport(this, "imported", "bgp-abc1");', importFrom: '    peer.importFrom("bgp-abc1");' },
    { file: 'main.py', generate: '        VpcBgpPeer.generate_config_for_import(self, "imported", "bgp-abc1")', importFrom: '        peer.import_from("bgp-abc1")' },
    { file: 'Main.java', generate: '        VpcBgpPeer.generateConfigForImport(this, "imported", "bgp-abc1");', importFrom: '        peer.importFrom("bgp-abc1");' },
    { file: 'Program.cs', generate: '        VpcBgpPeer.GenerateConfigForImport(this, "imported", "bgp-abc1");', importFrom: '        peer.ImportFrom("bgp-abc1");' },
    { file: 'main.go', generate: '\tvpcbgppeer.VpcBgpPeer_GenerateConfigForImport(stack, jsii.String("imported"), jsii.String("bgp-abc1"), nil)', importFrom: '\tpeer.ImportFrom(jsii.String("bgp-abc1"), nil)' },
  ];
  for (const c of cases) {
    for (const choice of ['generateConfig', 'importFrom'] as const) {
      it(`${c.file}: ${choice} is inserted after the construct under the cursor`, async () => {
        const { doc, editor } = await open(`import/cdktf/${c.file}`);
        const original = doc.getText();
        await lightBulb(doc, '10.0.0.2'); // the server has read the file
        const at = positionOf(doc, '10.0.0.2');
        editor.selection = new vscode.Selection(at, at);
        const r = await run({ answers: { id: 'bgp-abc1', name: 'imported', choice } }); // from the palette: the block under the cursor is found
        assert.strictEqual(r.status, 'done', r.message);
        const lines = original.split('\n');
        const end = lines.findIndex((l, i) => i > at.line && /^\s*(\}\)|\)|\.build\(\));?\s*$/.test(l));
        const expected = [...lines.slice(0, end + 1), choice === 'generateConfig' ? c.generate : c.importFrom, ...lines.slice(end + 1)].join('\n');
        assert.strictEqual(doc.getText(), expected);
        await setText(doc, original);
        await doc.save();
      });
    }
  }

  it('a TypeScript file without the class gets generateConfigForImport and its import line', async () => {
    const { doc, editor } = await open('import/cdktf/plain.ts');
    const line = doc.lineAt(positionOf(doc, 'super(scope, id);').line + 1);
    editor.selection = new vscode.Selection(line.range.start, line.range.start);
    const r = await run({ answers: { id: 'bgp-abc1', name: 'imported', choice: 'generateConfig' } });
    assert.strictEqual(r.status, 'done', r.message);
    assert.strictEqual(doc.getText().split('\n')[2], 'import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";');
    assert.match(doc.getText(), /\n\n {4}VpcBgpPeer\.generateConfigForImport\(this, "imported", "bgp-abc1"\);\n/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('an edit is not applied to a document that changed while the command was open', async () => {
    const { doc, editor } = await open('import/cdktf/main.ts');
    const at = positionOf(doc, '10.0.0.2');
    editor.selection = new vscode.Selection(at, at);
    const req = await lightBulb(doc, '10.0.0.2');
    const changedTo = doc.getText().replace('export class', '// edited meanwhile\nexport class');
    const r = await run({
      ...req,
      answers: { id: 'bgp-abc1', name: 'imported', choice: async () => { await setText(doc, changedTo); return 'importFrom'; } },
    });
    assert.strictEqual(r.status, 'failed');
    assert.match(r.message!, /changed while the import command was open; nothing was inserted/);
    assert.strictEqual(doc.getText(), changedTo);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
