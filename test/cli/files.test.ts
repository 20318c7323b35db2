/**
 * Which files the CLI picks up (`server/src/cli/files.ts`): the folder listing's entry types decide, and
 * only links are stat-ed, so links to folders and files must still be followed and dangling ones skipped.
 *
 * Run: node --import tsx --test test/cli/files.test.ts
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { tempTree } from '../helpers/cli';
import { collectFiles, totalBytes } from '../../server/src/cli/files';
import { run } from '../../server/src/cli/main';

const cleanups: (() => void)[] = [];
after(() => cleanups.forEach((c) => c()));

describe('collectFiles', () => {
  it('lists checkable files in name order, follows links to folders and files, skips dangling links and skipped folders', () => {
    const t = tempTree({
      'root/b.tf': 'x = 1\n',
      'root/a.tfvars': 'x = 1\n',
      'root/Z.tf': 'x = 1\n',
      'root/notes.md': '# no\n',
      'root/sub/c.tf': 'x = 1\n',
      'root/node_modules/d.tf': 'x = 1\n',
      'elsewhere/e.tf': 'x = 1\n',
      'elsewhere/inner/f.tf': 'x = 1\n',
    });
    cleanups.push(t.cleanup);
    const root = path.join(t.dir, 'root');
    fs.symlinkSync(path.join(t.dir, 'elsewhere', 'inner'), path.join(root, 'linked-dir'));
    fs.symlinkSync(path.join(t.dir, 'elsewhere', 'e.tf'), path.join(root, 'linked.tf'));
    fs.symlinkSync(path.join(t.dir, 'gone.tf'), path.join(root, 'dangling.tf'));
    const rel = collectFiles([root]).map((f) => path.relative(root, f));
    assert.deepEqual(rel, ['Z.tf', 'a.tfvars', 'b.tf', path.join('linked-dir', 'f.tf'), 'linked.tf', path.join('sub', 'c.tf')]);
  });

  it('takes a file named on the command line whatever its extension, and fails clearly on a missing path', () => {
    const t = tempTree({ 'notes.txt': 'x\n', 'm/main.tf': 'x = 1\n' });
    cleanups.push(t.cleanup);
    assert.deepEqual(collectFiles([path.join(t.dir, 'notes.txt'), path.join(t.dir, 'm')]), [path.join(t.dir, 'notes.txt'), path.join(t.dir, 'm', 'main.tf')]);
    assert.throws(() => collectFiles([path.join(t.dir, 'nope')]), /nope: no such file or folder/);
  });

  it('takes only regular files: a FIFO or device named x.tf in a folder is left out, and named alone is refused clearly', () => {
    const t = tempTree({ 'm/main.tf': 'x = 1\n' });
    cleanups.push(t.cleanup);
    const m = path.join(t.dir, 'm');
    execFileSync('mkfifo', [path.join(m, 'fifo.tf')]);
    fs.symlinkSync('/dev/zero', path.join(m, 'zero.tf'));
    assert.deepEqual(collectFiles([m]), [path.join(m, 'main.tf')]);
    assert.throws(() => collectFiles([path.join(m, 'fifo.tf')]), /fifo\.tf: not a regular file or folder/);
    assert.throws(() => collectFiles([path.join(m, 'zero.tf')]), /zero\.tf: not a regular file or folder/);
  });

  it('lists each file once however it is reached: the same path written twice, a link back up the tree', () => {
    const t = tempTree({ 'm/main.tf': 'x = 1\n', 'm/sub/b.tf': 'x = 1\n' });
    cleanups.push(t.cleanup);
    const m = path.join(t.dir, 'm');
    fs.symlinkSync('..', path.join(m, 'sub', 'up'));
    assert.deepEqual(collectFiles([m]), [path.join(m, 'main.tf'), path.join(m, 'sub', 'b.tf')]);
    assert.deepEqual(collectFiles([m, path.join(m, 'main.tf'), path.join(m, '.', 'main.tf')]), [path.join(m, 'main.tf'), path.join(m, 'sub', 'b.tf')]);
  });

  it('in the folders of generated CDKTF bindings takes Terraform files (Terraformer writes there) but not program files', () => {
    const t = tempTree({ 'imports/main.tf': 'x = 1\n', 'imports/alicloud/peer.py': 'x = 1\n', 'generated/alicloud/vbr.tf': 'x = 1\n', 'generated/alicloud/vbr.go': 'package x\n', '.gen/providers/a.ts': 'x\n' });
    cleanups.push(t.cleanup);
    const rel = collectFiles([t.dir]).map((f) => path.relative(t.dir, f));
    assert.deepEqual(rel, [path.join('generated', 'alicloud', 'vbr.tf'), path.join('imports', 'main.tf')]);
  });

  it('a folder that cannot be listed is reported and the rest still checked (exit 2, the findings of the rest out)', async () => {
    const t = tempTree({ 'ok/main.tf': 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n', 'locked/main.tf': 'x = 1\n' });
    cleanups.push(t.cleanup);
    const locked = path.join(t.dir, 'locked');
    // EACCES as a user other than root meets it for a folder without read permission (root reads it anyway).
    const readdir = fs.readdirSync;
    const refusing = ((p: fs.PathLike, ...rest: unknown[]) => {
      if (path.resolve(String(p)) === locked) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return (readdir as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.readdirSync;
    fs.readdirSync = refusing;
    try {
      const problems: string[] = [];
      assert.deepEqual(collectFiles([t.dir], (p) => problems.push(p)), [path.join(t.dir, 'ok', 'main.tf')]);
      assert.deepEqual(problems, [`${locked}: cannot list the folder (EACCES)`]);
      assert.throws(() => collectFiles([t.dir]), /locked: cannot list the folder \(EACCES\)/, 'without a callback it still throws');
      let out = '';
      let err = '';
      const status = await run([t.dir], (s) => (out += s), (s) => (err += s));
      assert.equal(status, 2);
      assert.equal(err, `alicloud-bgp-check: ${locked}: cannot list the folder (EACCES)\n`);
      assert.match(out, /ok[\\/]main\.tf:4:19: error \[value-out-of-range\][^\n]*\n1 file checked: 1 error, 0 warnings\n$/);
    } finally {
      fs.readdirSync = readdir;
    }
  });

  it('sizes files in bytes, counting unreadable ones as 0', () => {
    const t = tempTree({ 'a.tf': 'é = 1\n', 'b.tf': '' });
    cleanups.push(t.cleanup);
    assert.equal(totalBytes([path.join(t.dir, 'a.tf'), path.join(t.dir, 'b.tf'), path.join(t.dir, 'gone.tf')]), 7);
  });
});
