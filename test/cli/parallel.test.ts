/**
 * The CLI checks module folders on worker threads when that pays (`server/src/cli/parallel.ts`): the report
 * must not depend on it. Runs the built `dist/cli.js` with `ALICLOUD_BGP_CHECK_THREADS` set to 1 (no worker)
 * and to several, and compares every byte of stdout and stderr and the exit status; then checks in-process
 * that workers really did the work, and that folders and files come back in the command line's order.
 *
 * Run: npm run build && node --import tsx --test test/cli/parallel.test.ts
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CLI, JsonFinding, tempTrees } from '../helpers/cli';
import { checkModules, threadsFor } from '../../server/src/cli/parallel';
import { checkModule, groupByModule } from '../../server/src/cli/check';
import { collectFiles } from '../../server/src/cli/files';
import { defaultSchemas } from '../../server/src/schema/registry';

const GROUP = (name: string, vbr: string) => `resource "alicloud_vpc_bgp_group" "${name}" {
  router_id = "${vbr}"
  peer_asn  = 65001
}
`;

/** A peer of group `group`; `hop` 300 is out of range (error), BFD off with a hop count is a warning. */
const PEER = (name: string, group: string, { hop = 10, bfd = true } = {}) => `resource "alicloud_vpc_bgp_peer" "${name}" {
  bgp_group_id    = alicloud_vpc_bgp_group.${group}.id
  peer_ip_address = "10.0.0.2"
  enable_bfd      = ${bfd}
  bfd_multi_hop   = ${hop}
}
`;

const tree = tempTrees(after);

/** Six module folders whose findings depend on their sibling files (declared groups), so a folder split across threads would show. */
function modules(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let m = 0; m < 6; m++) {
    const dir = `env${m}`;
    files[`${dir}/groups.tf`] = GROUP('g', `vbr-${m}`);
    files[`${dir}/peers.tf`] = PEER('p', 'g') + PEER('q', m % 2 ? 'g' : 'missing') + PEER('r', 'g', { hop: m === 3 ? 300 : 10 });
    files[`${dir}/more.tf`] = PEER('s', 'g', { bfd: m % 3 !== 0 });
    if (m === 4) files[`${dir}/nested/deep.tf`] = PEER('t', 'g');
    if (m === 5) files[`${dir}/prod.tfvars`] = 'bfd_multi_hop = 300\n';
  }
  files['env2/blob.tf'] = 'resource \u0000\u0001';
  return files;
}

function run(args: string[], threads: number, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ALICLOUD_BGP_CHECK_THREADS: String(threads) },
    timeout: 60000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('worker threads', () => {
  it('give the same report and exit status as one thread, in every format', () => {
    const dir = tree(modules());
    for (const format of ['text', 'json', 'sarif']) {
      const one = run(['--format', format, dir], 1);
      const several = run(['--format', format, dir], 4);
      assert.deepEqual(several, one, format);
      assert.equal(one.status, 1, format);
      assert.equal(one.stderr, '');
    }
    // The comparison means something: findings from module rules and per-block rules, in many folders.
    const findings = JSON.parse(run(['--format', 'json', dir], 4).stdout) as JsonFinding[];
    const codes = new Set(findings.map((f) => f.code));
    for (const code of ['undeclared-reference', 'value-out-of-range', 'bfd-multi-hop-without-bfd', 'binary-file']) assert.ok(codes.has(code), code);
    assert.ok(new Set(findings.map((f) => path.dirname(f.file))).size >= 5);
  });

  it('keep exit status 0 for a clean tree, and 2 with nothing printed when a path is missing', () => {
    const files: Record<string, string> = {};
    for (let m = 0; m < 4; m++) files[`m${m}/main.tf`] = GROUP('g', 'vbr-1') + PEER('p', 'g');
    const dir = tree(files);
    const one = run([dir], 1);
    assert.deepEqual(run([dir], 3), one);
    assert.deepEqual(one, { status: 0, stdout: '4 files checked: 0 errors, 0 warnings\n', stderr: '' });
    const missing = run([dir, path.join(dir, 'nope')], 3);
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /nope: no such file or folder/);
  });

  it("report files in the command line's order when paths interleave folders, each file seeing its own folder", () => {
    const dir = tree({ 'b/groups.tf': GROUP('g', 'vbr-1'), 'a/peer.tf': PEER('p', 'g'), 'b/peer.tf': PEER('p', 'g', { hop: 300 }) });
    const args = ['--format', 'json', 'b/groups.tf', 'a/peer.tf', 'b/peer.tf'];
    const one = run(args, 1, dir);
    assert.deepEqual(run(args, 2, dir), one);
    const findings = JSON.parse(one.stdout) as JsonFinding[];
    // a/peer.tf cannot see b's group; b/peer.tf can, and only its range error remains.
    assert.deepEqual(
      findings.map((f) => [f.file, f.code]),
      [
        [path.join('a', 'peer.tf'), 'undeclared-reference'],
        [path.join('b', 'peer.tf'), 'value-out-of-range'],
      ],
    );
    // Reversed on the command line, reversed in the report.
    const reversed = JSON.parse(run(['--format', 'json', 'b/peer.tf', 'a/peer.tf', 'b/groups.tf'], 2, dir).stdout) as JsonFinding[];
    assert.deepEqual(reversed.map((f) => f.file), [path.join('b', 'peer.tf'), path.join('a', 'peer.tf')]);
  });

  it('do the work when the main thread leaves it to them, with the same outcomes as checking in this thread', async () => {
    const dir = tree(modules());
    const { groups } = groupByModule(collectFiles([dir]));
    assert.ok(groups.length >= 7);
    const { outcomes, checkedBy } = await checkModules(groups, 3, CLI, { mainThreadChecks: false });
    assert.ok(checkedBy.every((t) => t === 1 || t === 2), `checked by ${checkedBy}`);
    assert.deepEqual(outcomes, groups.map((g) => checkModule(g, defaultSchemas())));
  });
});

describe('how many threads', () => {
  const MB = 1024 * 1024;
  it('is what ALICLOUD_BGP_CHECK_THREADS says, at most one per folder', () => {
    assert.equal(threadsFor(40, () => 100, '3', 2), 3);
    assert.equal(threadsFor(2, () => 100, '6', 2), 2);
    assert.equal(threadsFor(40, () => 50 * MB, '1', 16), 1);
  });

  it('is one per two cores for many large folders, and one for a small input, a single folder or 2 cores', () => {
    assert.equal(threadsFor(40, () => 50 * MB, '', 8), 4);
    assert.equal(threadsFor(3, () => 50 * MB, '', 16), 3);
    assert.equal(threadsFor(40, () => 100 * 1024, '', 8), 1);
    assert.equal(threadsFor(1, () => 50 * MB, '', 8), 1);
    assert.equal(threadsFor(40, () => 50 * MB, '', 2), 1);
  });

  it('sizes the input only when a worker could be started', () => {
    const never = () => assert.fail('stat-ed the files for nothing');
    assert.equal(threadsFor(40, never, '', 2), 1);
    assert.equal(threadsFor(1, never, '', 8), 1);
    assert.equal(threadsFor(40, never, '2', 8), 2);
  });
});
