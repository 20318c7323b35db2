// Which terraform the import command runs (client/src/executable.ts): the setting, else PATH; always an
// absolute path, never a command line.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { planTerraformImport, resolveTerraform } from '../../client/src/executable';

const exec = (...files: string[]) => (f: string) => files.includes(f);

test('empty setting: the first terraform on PATH', () => {
  const r = resolveTerraform('', { PATH: '/a:/b:/c', platform: 'linux', isExecutable: exec('/b/terraform', '/c/terraform') });
  assert.deepEqual(r, { ok: true, path: '/b/terraform' });
});

test('an absolute setting is used as is, whatever characters its path holds', () => {
  const odd = "/opt/tf $(touch x); 'q\"/terraform";
  assert.deepEqual(resolveTerraform(odd, { isExecutable: exec(odd) }), { ok: true, path: odd });
});

test('a relative setting with a slash is resolved against the workspace folder; a bare name is looked up on PATH', () => {
  assert.deepEqual(resolveTerraform('bin/terraform', { base: '/ws', isExecutable: exec(path.resolve('/ws/bin/terraform')) }), { ok: true, path: path.resolve('/ws/bin/terraform') });
  assert.deepEqual(resolveTerraform('tofu', { PATH: '/x', platform: 'linux', isExecutable: exec('/x/tofu') }), { ok: true, path: '/x/tofu' });
});

test('not found: a message that says how to fix it', () => {
  const r = resolveTerraform('', { PATH: '/a', platform: 'linux', isExecutable: () => false });
  assert.equal(r.ok, false);
  assert.match((r as { message: string }).message, /terraform was not found on PATH.*alicloudBgp\.terraform\.path/);
  const s = resolveTerraform('/nope/terraform', { isExecutable: () => false });
  assert.match((s as { message: string }).message, /is not an executable file/);
});

test('Windows: PATHEXT extensions are tried', () => {
  const r = resolveTerraform('', { PATH: 'C:\\tools', PATHEXT: '.EXE;.CMD', platform: 'win32', isExecutable: exec(path.join('C:\\tools', 'terraform.EXE')) });
  assert.equal(r.ok, true);
});

test('Windows: an extensionless terraform beside terraform.exe (a tfenv-style script) is never the program', () => {
  const both = (f: string) => f === path.join('C:\\tools', 'terraform') || f === path.join('C:\\tools', 'terraform.EXE');
  const r = resolveTerraform('', { PATH: 'C:\\tools', PATHEXT: '.COM;.EXE;.BAT;.CMD', platform: 'win32', isExecutable: both });
  assert.deepEqual(r, { ok: true, path: path.join('C:\\tools', 'terraform.EXE') });
  const alone = resolveTerraform('', { PATH: 'C:\\tools', PATHEXT: '.EXE', platform: 'win32', isExecutable: (f) => f === path.join('C:\\tools', 'terraform') });
  assert.equal(alone.ok, false);
  // A name written with its extension is taken as written.
  const named = resolveTerraform('tf.exe', { PATH: 'C:\\tools', PATHEXT: '.EXE', platform: 'win32', isExecutable: (f) => f === path.join('C:\\tools', 'tf.exe') });
  assert.equal(named.ok, true);
});

test('untrusted workspace: terraform is not run, and the message says why and what to do instead', () => {
  const plan = planTerraformImport({ trusted: false, setting: '/usr/bin/terraform', moduleDir: '/m', args: ['import', 'a.b', 'bgp-1'], env: { isExecutable: () => true } });
  assert.equal(plan.ok, false);
  assert.match((plan as { message: string }).message, /needs a trusted workspace.*import block instead/);
});

test('trusted workspace: terraform (absolute), the argv and the module folder as cwd', () => {
  const plan = planTerraformImport({ trusted: true, setting: '', moduleDir: '/m', args: ['import', 'a.b', 'bgp-1'], env: { PATH: '/bin', platform: 'linux', isExecutable: (f) => f === '/bin/terraform' } });
  assert.deepEqual(plan, { ok: true, shellPath: '/bin/terraform', shellArgs: ['import', 'a.b', 'bgp-1'], cwd: '/m' });
});
