/**
 * `node dist/cli.js` as CI runs it: exit codes (0 clean, 1 errors, 2 usage or I/O problem, with a clear
 * message on stderr), the three output formats (text; JSON exactly as DESIGN.md shapes it; SARIF 2.1.0),
 * folder recursion (skipping node_modules and .terraform), and files of one folder read as one module.
 * Fixtures live in temp folders.
 *
 * Run: npm run build && npx tsx --test test/cli/cli.test.ts
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { CLI, JsonFinding, runCli, runJson, tempTrees } from '../helpers/cli';

const GROUP = `resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65001
}
`;

const CLEAN_PEER = `resource "alicloud_vpc_bgp_peer" "clean" {
  bgp_group_id    = alicloud_vpc_bgp_group.g.id
  peer_ip_address = "10.0.0.2"
  enable_bfd      = true
  bfd_multi_hop   = 10
}
`;

/** Line 3: an error on `300` (col 18–21); line 4: a read-only `status` (col 2–8); no warning. */
const BROKEN_PEER = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 300
  status        = "Available"
}
`;

/** Only a warning: bfd_multi_hop while BFD is off (line 2, the key at col 2–15). Named apart from the other peers, which share folders with it. */
const WARNING_PEER = `resource "alicloud_vpc_bgp_peer" "w" {
  bgp_group_id  = "bgpg-1"
  bfd_multi_hop = 10
  enable_bfd    = false
}
`;

const tree = tempTrees(after);

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('exit status', () => {
  it('is 0 on a folder with no findings, with a summary on stdout and nothing on stderr', () => {
    const dir = tree({ 'main.tf': GROUP + '\n' + CLEAN_PEER, 'vars.tfvars': 'enable_bfd = true\nbfd_multi_hop = 3\n' });
    const res = runCli([dir]);
    assert.equal(res.status, 0, res.stdout + res.stderr);
    assert.equal(res.stdout, '2 files checked: 0 errors, 0 warnings\n');
    assert.equal(res.stderr, '');
  });

  it('is 0 when there are only warnings', () => {
    const dir = tree({ 'main.tf': WARNING_PEER });
    const res = runJson([dir]);
    assert.equal(res.status, 0);
    assert.deepEqual(res.findings.map((f) => [f.severity, f.code]), [['warning', 'bfd-multi-hop-without-bfd']]);
  });

  it('is 1 when an error is found, listing each finding as file:line:column (1-based) in text format', () => {
    const dir = tree({ 'main.tf': BROKEN_PEER });
    const res = runCli([dir]);
    assert.equal(res.status, 1);
    const file = path.join(dir, 'main.tf');
    const lines = res.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, res.stdout);
    assert.match(lines[0], new RegExp(`^${escape(file)}:4:19: error \\[value-out-of-range\\] .*300`));
    assert.match(lines[1], new RegExp(`^${escape(file)}:5:3: error \\[read-only-argument\\] .*status`));
    assert.equal(lines[2], '1 file checked: 2 errors, 0 warnings');
    assert.equal(res.stderr, '');
  });

  it('is 1 for a syntax error', () => {
    const dir = tree({ 'main.tf': 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = \n}\n' });
    const res = runJson([dir]);
    assert.equal(res.status, 1);
    assert.ok(res.findings.some((f) => f.code === 'syntax-error' && f.severity === 'error'), JSON.stringify(res.findings));
  });

  it('is 2 for a path that does not exist, naming it on stderr and printing no report', () => {
    const dir = tree({ 'main.tf': CLEAN_PEER });
    const missing = path.join(dir, 'nope', 'main.tf');
    const res = runCli([dir, missing]);
    assert.equal(res.status, 2);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, new RegExp(`${escape(missing)}: no such file or folder`));
  });

  it('is 2 for an unknown option, naming it and showing the usage', () => {
    const dir = tree({ 'main.tf': CLEAN_PEER });
    const res = runCli(['--frobnicate', dir]);
    assert.equal(res.status, 2);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, /unknown option --frobnicate/);
    assert.match(res.stderr, /Usage: /);
  });

  it('is 2 for an unsupported or missing --format value, naming the accepted ones', () => {
    const dir = tree({ 'main.tf': CLEAN_PEER });
    for (const args of [['--format', 'xml', dir], ['--format=yaml', dir], [dir, '--format']]) {
      const res = runCli(args);
      assert.equal(res.status, 2, args.join(' '));
      assert.equal(res.stdout, '');
      assert.match(res.stderr, /--format must be text, json or sarif/);
    }
    assert.match(runCli(['--format', 'xml', dir]).stderr, /"xml"/);
  });

  it('is 2 when no path is given, with the usage on stderr', () => {
    const res = runCli(['--format', 'json']);
    assert.equal(res.status, 2);
    assert.match(res.stderr, /no files or folders given/);
    assert.match(res.stderr, /Usage: /);
  });

  it('prints the usage for --help and the version for --version, exiting 0', () => {
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: .*--format text\|json\|sarif/);
    const version = runCli(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('a reader that closes the pipe early (| head) ends the run quietly, with the status of what was found', async () => {
    const dir = tree({ 'main.tf': BROKEN_PEER });
    const child = spawn(process.execPath, [CLI, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Nothing reads the report: the write finds the pipe closed.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(status, 1, 'errors were found');
  });
});

describe('--format json', () => {
  it('prints an array of { file, range, severity, code, message } with 0-based LSP positions', () => {
    const dir = tree({ 'main.tf': BROKEN_PEER, 'warn.tf': WARNING_PEER });
    const res = runJson([dir]);
    assert.equal(res.status, 1);
    const file = (n: string) => path.join(dir, n);
    assert.deepEqual(
      res.findings.map((f) => ({ ...f, message: typeof f.message })),
      [
        { file: file('main.tf'), range: r(3, 18, 3, 21), severity: 'error', code: 'value-out-of-range', message: 'string' },
        { file: file('main.tf'), range: r(4, 2, 4, 8), severity: 'error', code: 'read-only-argument', message: 'string' },
        { file: file('warn.tf'), range: r(2, 2, 2, 15), severity: 'warning', code: 'bfd-multi-hop-without-bfd', message: 'string' },
      ],
    );
    for (const f of res.findings) {
      assert.deepEqual(Object.keys(f), ['file', 'range', 'severity', 'code', 'message']);
      assert.deepEqual(Object.keys(f.range), ['start', 'end']);
      assert.deepEqual(Object.keys(f.range.start), ['line', 'character']);
      assert.ok(f.message.length > 10);
    }
    assert.match(res.findings[0].message, /between 1 and 255, not 300/);
  });

  it('reports information findings with the severity "information" (a binary .tf file)', () => {
    const dir = tree({ 'blob.tf': 'PK\u0003\u0004\u0000\u0000binary' });
    const res = runJson([dir]);
    assert.equal(res.status, 0);
    assert.deepEqual(res.findings.map((f) => [f.severity, f.code, f.range]), [['information', 'binary-file', r(0, 0, 0, 0)]]);
  });

  it('refuses a file far over the size limit without reading it (a sparse 3 GB .tf), and exits at once on a FIFO named .tf', () => {
    const dir = tree({ 'ok.tf': GROUP });
    fs.writeFileSync(path.join(dir, 'huge.tf'), '');
    fs.truncateSync(path.join(dir, 'huge.tf'), 3 * 1024 * 1024 * 1024);
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [path.basename(f.file), f.code]), [['huge.tf', 'file-too-large']]);
    assert.match(res.findings[0].message, /the file is 3072\.0 MB, above the 5 MB limit/);
    execFileSync('mkfifo', [path.join(dir, 'pipe.tf')]);
    const named = runCli([path.join(dir, 'pipe.tf')]);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /pipe\.tf: not a regular file or folder/);
    // Nor does a FIFO where the lock file would be (the provider version is looked up for every module).
    const locked = tree({ 'main.tf': GROUP });
    execFileSync('mkfifo', [path.join(locked, '.terraform.lock.hcl')]);
    assert.equal(runCli([locked]).status, 0);
  });

  it('counts columns without a byte-order mark, as the editor does (it drops the BOM from the document)', () => {
    const dir = tree({ 'main.tf': '\ufeffresource "alicloud_vpc_bgp_peer" "q" { bfd_multi_hop = 300 }\n' });
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [f.code, f.range.start.character]).sort(), [['bfd-multi-hop-without-bfd', 39], ['missing-required', 0], ['value-out-of-range', 55]]);
  });

  it('prints [] for a clean folder', () => {
    const dir = tree({ 'main.tf': GROUP + CLEAN_PEER });
    const res = runCli(['--format=json', dir]);
    assert.equal(res.status, 0);
    assert.deepEqual(JSON.parse(res.stdout), []);
  });

  it('counts columns in UTF-16 code units, like LSP (an emoji before the finding counts 2)', () => {
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  /* 🌐 é */ bfd_multi_hop = 0\n}\n';
    const dir = tree({ 'main.tf': text });
    const col = text.split('\n')[3].lastIndexOf('0');
    assert.equal(col, 29);
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [f.code, f.range]), [['value-out-of-range', r(3, col, 3, col + 1)]]);
  });
});

describe('--format sarif', () => {
  it('is SARIF 2.1.0: tool driver, rules, and one result per finding with ruleId, level and a 1-based region', () => {
    const dir = tree({ 'main.tf': BROKEN_PEER, 'warn.tf': WARNING_PEER, 'blob.tf': '\u0000\u0001' });
    const json = runJson([dir]).findings;
    const res = runCli(['--format', 'sarif', dir]);
    assert.equal(res.status, 1);
    const sarif = JSON.parse(res.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'alicloud-bgp-check');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+$/);
    assert.equal(run.results.length, json.length);
    const LEVEL: Record<JsonFinding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    const expected = json.map((f) => ({
      ruleId: f.code,
      level: LEVEL[f.severity],
      text: f.message,
      uri: pathToFileURL(f.file).href,
      region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
    }));
    const actual = run.results.map((x: any) => ({
      ruleId: x.ruleId,
      level: x.level,
      text: x.message.text,
      uri: x.locations[0].physicalLocation.artifactLocation.uri,
      region: x.locations[0].physicalLocation.region,
    }));
    assert.deepEqual(actual, expected);
    assert.deepEqual(new Set(actual.map((a: { level: string }) => a.level)), new Set(['error', 'warning', 'note']));
    // Each result's ruleIndex points at its rule in the driver.
    for (const x of run.results) assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);
    assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id).sort(), [...new Set(json.map((f) => f.code))].sort());
    // Each rule says what its code means, as code scanning shows beside an alert.
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'value-out-of-range');
    assert.match(rule.shortDescription.text, /^A number outside the range the argument accepts/);
    assert.equal(rule.fullDescription.text, rule.shortDescription.text);
    assert.equal(rule.help.text, rule.shortDescription.text);
  });

  it('writes artifact locations as URI references: relative paths percent-encoded segment by segment, absolute ones as file: URIs', () => {
    const dir = tree({ 'w 1/a b%25.tf': BROKEN_PEER, 'c#d/e?.tf': BROKEN_PEER });
    const uris = (arg: string) => [...new Set(JSON.parse(runCli(['--format', 'sarif', arg], dir).stdout).runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri))];
    assert.deepEqual(uris('.'), ['c%23d/e%3F.tf', 'w%201/a%20b%2525.tf']);
    assert.deepEqual(uris(path.join(dir, 'w 1')), [pathToFileURL(path.join(dir, 'w 1', 'a b%25.tf')).href]);
    assert.match(String(uris(path.join(dir, 'w 1'))[0]), /^file:\/\/\/.*\/w%201\/a%20b%2525\.tf$/);
  });

  it('has an empty results array (and exit 0) for a clean folder', () => {
    const dir = tree({ 'main.tf': GROUP + CLEAN_PEER });
    const res = runCli(['--format', 'sarif', dir]);
    assert.equal(res.status, 0);
    const sarif = JSON.parse(res.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results, []);
  });
});

describe('what gets checked', () => {
  it('recurses into nested folders, reads .tf and .tfvars, and skips node_modules, .terraform and other files', () => {
    const dir = tree({
      'main.tf': GROUP + CLEAN_PEER,
      'a/b/c/deep.tf': BROKEN_PEER,
      'a/b/prod.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n',
      'a/b/peer.tf': 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n',
      'node_modules/mod/main.tf': BROKEN_PEER,
      '.terraform/modules/vbr/main.tf': BROKEN_PEER,
      'a/notes.txt': BROKEN_PEER,
      'a/peer.json': BROKEN_PEER,
    });
    const res = runJson([dir]);
    const files = [...new Set(res.findings.map((f) => path.relative(dir, f.file)))].sort();
    assert.deepEqual(files, [path.join('a', 'b', 'c', 'deep.tf'), path.join('a', 'b', 'prod.tfvars')]);
    assert.equal(res.status, 1);
    assert.match(runCli([dir]).stdout, /^4 files checked: 2 errors, 1 warning$/m);
  });

  it('checks an override file in JSON (override.tf.json, x_override.tf.json) merged into the block it overrides, and a primary .tf.json as a .tf file', () => {
    const override = '{"resource": {"alicloud_vpc_bgp_peer": {"p": {\n  "enable_bfd": true,\n  "bfd_multi_hop": 300\n}}}}\n';
    const peer = '{"resource": {"alicloud_vpc_bgp_peer": {"q": {\n  "bgp_group_id": "bgpg-1",\n  "enable_bfd": true,\n  "bfd_multi_hop": 300\n}}}}\n';
    const dir = tree({
      'main.tf': GROUP + CLEAN_PEER.replace('"clean"', '"p"'),
      'override.tf.json': override,
      'peer_override.tf.json': '{"resource": {"alicloud_vpc_bgp_peer": {"p": {"enable_bfd": true}}}}',
      'peer.tf.json': peer,
      // What `cdktf synth` writes is not the user's code: its program is checked.
      'cdktf.out/stacks/app/cdk.tf.json': peer,
    });
    const res = runJson([dir]);
    const at = (f: JsonFinding) => `${path.relative(dir, f.file)}:${f.range.start.line}:${f.range.start.character} ${f.code}`;
    assert.deepEqual(res.findings.map(at), ['override.tf.json:2:19 value-out-of-range', 'peer.tf.json:3:19 value-out-of-range']);
    assert.match(runCli([dir]).stdout, /^4 files checked: 2 errors, 0 warnings$/m);
    // Severity settings apply as in any file; SARIF names the file and the 1-based place.
    assert.deepEqual(runJson(['--severity', 'value-out-of-range=warning', dir]).findings.map((f) => f.severity), ['warning', 'warning']);
    const sarif = JSON.parse(runCli(['--format', 'sarif', path.join(dir, 'peer.tf.json')]).stdout);
    const x = sarif.runs[0].results[0];
    assert.equal(x.ruleId, 'value-out-of-range');
    assert.equal(x.locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(path.join(dir, 'peer.tf.json')).href);
    assert.deepEqual(x.locations[0].physicalLocation.region, { startLine: 4, startColumn: 20, endLine: 4, endColumn: 23 });
  });

  it('judges the variable files Terraform loads by itself together: a later file\'s value wins, and the finding names the file of the other value', () => {
    const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n';
    // enable_bfd = true in a later file replaces terraform.tfvars' false; bfd.auto.tfvars' hop count meets the false of off.auto.tfvars.
    const quiet = tree({ 'main.tf': peer, 'terraform.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n', 'z.auto.tfvars': 'enable_bfd = true\n' });
    assert.deepEqual(runJson([quiet]).findings, []);
    const split = tree({ 'main.tf': peer, 'bfd.auto.tfvars': 'bfd_multi_hop = 13\n', 'off.auto.tfvars': 'enable_bfd = false\n' });
    const res = runJson([path.join(split, 'bfd.auto.tfvars')]);
    assert.deepEqual(res.findings.map((f) => [path.basename(f.file), f.code, f.range.start.line]), [['bfd.auto.tfvars', 'bfd-multi-hop-without-bfd', 0]]);
    assert.match(res.findings[0].message, /enable_bfd is set in off\.auto\.tfvars\)$/);
  });

  it('a variable no variable file sets has its default: bfd_multi_hop in terraform.tfvars meets enable_bfd\'s default false', () => {
    const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n';
    const dir = tree({ 'main.tf': peer, 'variables.tf': 'variable "enable_bfd" {\n  default = false\n}\n', 'terraform.tfvars': 'bfd_multi_hop = 13\n' });
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [path.basename(f.file), f.code]), [['terraform.tfvars', 'bfd-multi-hop-without-bfd']]);
    assert.match(res.findings[0].message, /enable_bfd is set by its default in variables\.tf\)$/);
  });

  it('a .tfvars value its variable\'s declared type cannot take is an error', () => {
    const dir = tree({ 'variables.tf': 'variable "enable_bfd" {\n  type = bool\n}\n', 'terraform.tfvars': 'enable_bfd = "yes"\n' });
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [path.basename(f.file), f.code, f.severity, f.range.start.character]), [['terraform.tfvars', 'type-mismatch', 'error', 13]]);
    assert.equal(res.status, 1);
  });

  it('reads .tfvars.json files: checked like .tfvars, their values merged in Terraform\'s order, a broken one an error', () => {
    const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n';
    const dir = tree({ 'main.tf': peer, 'terraform.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n', 'terraform.tfvars.json': '{"enable_bfd": true}', 'env/prod.tfvars.json': '{\n  "bfd_multi_hop": 13,\n  "enable_bfd": "false"\n}\n', 'bad/a.auto.tfvars.json': '{"enable_bfd": true,}' });
    const res = runJson([dir]);
    assert.deepEqual(
      res.findings.map((f) => [path.relative(dir, f.file), f.code, f.range.start.line, f.range.start.character]),
      [
        [path.join('bad', 'a.auto.tfvars.json'), 'syntax-error', 0, 20],
        [path.join('env', 'prod.tfvars.json'), 'bfd-multi-hop-without-bfd', 1, 2],
      ],
    );
    assert.equal(res.status, 1);
    assert.match(runCli([dir]).stdout, /^5 files checked: 1 error, 1 warning$/m);
  });

  it('refuses a file whose line breaks are lone carriage returns with an error, as Terraform does, and --fix leaves it as it is', () => {
    const lone = GROUP.replaceAll('\n', '\r');
    const dir = tree({ 'main.tf': lone });
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [path.basename(f.file), f.severity, f.code, f.range.start]), [['main.tf', 'error', 'unsupported-line-break', { line: 0, character: 0 }]]);
    assert.equal(res.status, 1);
    runCli(['--fix', dir]);
    assert.equal(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), lone);
  });

  it('refuses a Terraform file saved as UTF-16 with an error, as Terraform does; a CDKTF file is left to its language', () => {
    const utf16 = (text: string, le = true) => {
      const b = Buffer.from('\ufeff' + text, 'utf16le');
      if (!le) for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
      return b;
    };
    const dir = tree({});
    fs.writeFileSync(path.join(dir, 'main.tf'), utf16(GROUP));
    fs.writeFileSync(path.join(dir, 'big.tf'), utf16(GROUP.replace('"g"', '"h"'), false));
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => `${path.basename(f.file)} ${f.severity} ${f.code}: ${f.message}`), [
      'big.tf error unsupported-encoding: Not analysed: the file is UTF-16 (big-endian, with a byte order mark), and Terraform reads only UTF-8: save it as UTF-8',
      'main.tf error unsupported-encoding: Not analysed: the file is UTF-16 (little-endian, with a byte order mark), and Terraform reads only UTF-8: save it as UTF-8',
    ]);
    assert.equal(res.status, 1);
    // The same text as UTF-8 (a byte order mark and all) is a clean module.
    fs.writeFileSync(path.join(dir, 'main.tf'), '\ufeff' + GROUP);
    fs.rmSync(path.join(dir, 'big.tf'));
    assert.equal(runJson([dir]).status, 0);
  });

  it('reads files whose path holds # or ? (a c#proj folder, a peer?.tf file) like any other', () => {
    const dir = tree({ 'c#proj/main.tf': BROKEN_PEER, 'c#proj/groups.tf': GROUP, 'c#proj/peers?.tf': CLEAN_PEER });
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [path.relative(dir, f.file), f.code]), [
      [path.join('c#proj', 'main.tf'), 'value-out-of-range'],
      [path.join('c#proj', 'main.tf'), 'read-only-argument'],
    ]);
    assert.equal(res.status, 1);
    assert.match(runCli([dir]).stdout, /^3 files checked: 2 errors, 0 warnings$/m);
  });

  it('checks a single file given directly, and several paths at once', () => {
    const dir = tree({ 'x/main.tf': BROKEN_PEER, 'y/main.tf': WARNING_PEER, 'z/main.tf': BROKEN_PEER });
    const one = runJson([path.join(dir, 'y', 'main.tf')]);
    assert.equal(one.status, 0);
    assert.deepEqual(one.findings.map((f) => f.code), ['bfd-multi-hop-without-bfd']);
    const two = runJson([path.join(dir, 'x'), path.join(dir, 'y', 'main.tf')]);
    assert.deepEqual(two.findings.map((f) => [path.relative(dir, f.file), f.code]), [
      [path.join('x', 'main.tf'), 'value-out-of-range'],
      [path.join('x', 'main.tf'), 'read-only-argument'],
      [path.join('y', 'main.tf'), 'bfd-multi-hop-without-bfd'],
    ]);
  });

  it('reports file paths relative to the working directory when given relative paths', () => {
    const dir = tree({ 'mod/main.tf': BROKEN_PEER });
    const res = runJson(['mod'], dir);
    assert.deepEqual([...new Set(res.findings.map((f) => f.file))], [path.join('mod', 'main.tf')]);
  });

  it('reads the files of one folder as one module: a peer may refer to a group declared in a sibling file', () => {
    const dir = tree({ 'groups.tf': GROUP, 'peers.tf': CLEAN_PEER, 'vars.tf': 'variable "x" {\n  default = 1\n}\n' });
    const res = runJson([dir]);
    assert.equal(res.status, 0, JSON.stringify(res.findings));
    assert.deepEqual(res.findings, []);
  });

  it('does not let a folder see the resources of another folder: the same reference from a sibling folder is undeclared', () => {
    const dir = tree({ 'net/groups.tf': GROUP, 'net/peers.tf': CLEAN_PEER, 'other/peers.tf': CLEAN_PEER });
    const res = runJson([dir]);
    assert.equal(res.status, 1);
    assert.deepEqual(res.findings.map((f) => [path.relative(dir, f.file), f.code, f.range]), [
      [path.join('other', 'peers.tf'), 'undeclared-reference', r(1, 20, 1, 47)],
    ]);
    assert.match(res.findings[0].message, /alicloud_vpc_bgp_group\.g/);
  });

  it('takes a module\'s provider version from a root module anywhere below the folders named that calls it (envs/prod -> ../../modules/bgp)', () => {
    const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65001\n  route_limit = 100\n}\n';
    const dir = tree({
      'envs/prod/main.tf': 'module "bgp" {\n  source = "../../modules/bgp"\n}\n',
      'envs/prod/.terraform.lock.hcl': 'provider "registry.terraform.io/aliyun/alicloud" {\n  version = "1.240.0"\n}\n',
      'modules/bgp/main.tf': group,
    });
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [path.relative(dir, f.file), f.code]), [[path.join('modules', 'bgp', 'main.tf'), 'newer-than-provider']]);
    assert.match(res.findings[0].message, new RegExp(`uses 1\\.240\\.0, the version of the root module in ${escape(path.join('..', '..', 'envs', 'prod'))} that calls it`));
    // Named alone, the module's folder holds no root that calls it: nothing is known of its version.
    assert.deepEqual(runJson([path.join(dir, 'modules', 'bgp')]).findings, []);
  });

  it('keeps findings of each file in its own file when folders are checked together', () => {
    const dir = tree({ 'a/main.tf': BROKEN_PEER, 'b/main.tf': GROUP + CLEAN_PEER, 'b/more.tf': WARNING_PEER });
    const res = runJson([dir]);
    assert.deepEqual(res.findings.map((f) => [path.relative(dir, f.file), f.code]), [
      [path.join('a', 'main.tf'), 'value-out-of-range'],
      [path.join('a', 'main.tf'), 'read-only-argument'],
      [path.join('b', 'more.tf'), 'bfd-multi-hop-without-bfd'],
    ]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('--severity and ignore comments', () => {
  it('--severity CODE=LEVEL changes a finding\'s severity, and the exit status with it; off drops it', () => {
    const dir = tree({ 'main.tf': BROKEN_PEER });
    const all = runJson([dir]);
    assert.deepEqual(all.findings.map((f) => [f.code, f.severity]), [['value-out-of-range', 'error'], ['read-only-argument', 'error']]);
    const softer = runJson(['--severity', 'value-out-of-range=warning', '--severity=read-only-argument=off', dir]);
    assert.equal(softer.status, 0, 'warnings only');
    assert.deepEqual(softer.findings.map((f) => [f.code, f.severity]), [['value-out-of-range', 'warning']]);
    const harder = runJson(['--severity', 'bfd-multi-hop-without-bfd=error', tree({ 'main.tf': WARNING_PEER })]);
    assert.equal(harder.status, 1);
    assert.deepEqual(harder.findings.map((f) => [f.code, f.severity]), [['bfd-multi-hop-without-bfd', 'error']]);
  });

  it('--severity refuses an unknown code (naming the closest) or level, with status 2 and no report', () => {
    const dir = tree({ 'main.tf': BROKEN_PEER });
    const typo = runCli(['--severity', 'value-out-of-rang=off', dir]);
    assert.equal(typo.status, 2);
    assert.equal(typo.stdout, '');
    assert.match(typo.stderr, /no finding has the code "value-out-of-rang" \(did you mean "value-out-of-range"\?\)/);
    const level = runCli(['--severity', 'value-out-of-range=fatal', dir]);
    assert.equal(level.status, 2);
    assert.match(level.stderr, /--severity takes CODE=LEVEL, LEVEL one of error, warning, information, hint, off \(got "value-out-of-range=fatal"\)/);
    assert.equal(runCli(['--severity']).status, 2);
  });

  it('an alicloud-bgp-ignore comment silences its codes on its line and the next, in Terraform and CDKTF files', () => {
    const silenced = BROKEN_PEER.replace('  bfd_multi_hop', '  # alicloud-bgp-ignore: value-out-of-range\n  bfd_multi_hop');
    const ts = 'import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";\nnew VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  enableBfd: true,\n  bfdMultiHop: 300, // alicloud-bgp-ignore: value-out-of-range\n});\n';
    const res = runJson([tree({ 'main.tf': silenced, 'stack/main.ts': ts })]);
    assert.deepEqual(res.findings.map((f) => f.code), ['read-only-argument']);
    assert.equal(res.status, 1);
  });
});
