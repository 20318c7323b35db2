// The README documents every finding code the engine can emit, and ARCHITECTURE.md names every source folder.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const f of sources(path.join(root, 'server/src'))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/code: (?:[^,]*\? )?'([a-z][a-z0-9-]+)'(?: : '([a-z][a-z0-9-]+)')?/g)) {
      codes.add(m[1]);
      if (m[2]) codes.add(m[2]);
    }
  }
  for (const f of fs.readdirSync(path.join(root, 'schemas'))) {
    const s = JSON.parse(fs.readFileSync(path.join(root, 'schemas', f), 'utf8'));
    for (const r of s.rules ?? []) codes.add(r.code);
  }
  return codes;
}

test('every finding code is documented in the README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const codes = emittedCodes();
  assert.ok(codes.size >= 20, `found only ${codes.size} codes: the scan is broken`);
  const missing = [...codes].filter((c) => !readme.includes('`' + c + '`'));
  assert.deepEqual(missing, []);
});

test('ARCHITECTURE.md names every folder of the server', () => {
  const map = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
  const folders = fs.readdirSync(path.join(root, 'server/src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `server/src/${e.name}/`);
  const missing = folders.filter((f) => !map.includes(f));
  assert.deepEqual(missing, []);
});
