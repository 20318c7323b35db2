// The one large closed file the server keeps a while, in case it is opened again.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createSourceFile, keptSourceFile, sourceFileFor } from '../../server/src/engine/files';
import { RecentlyClosed } from '../../server/src/lsp/recentlyClosed';

const file = (text: string) => createSourceFile('file:///stack/main.ts', 'typescript', text)!;

test('a closed file is given back once, to the same uri only', () => {
  const kept = new RecentlyClosed(60_000);
  const a = file('const a = 1;\n');
  kept.keep('file:///stack/main.ts', a);
  assert.equal(kept.take('file:///stack/other.ts'), undefined);
  assert.equal(kept.take('file:///stack/main.ts'), a);
  assert.equal(kept.take('file:///stack/main.ts'), undefined, 'taken: no longer kept');
});

test('only the last closed file is kept, and it is let go after a while or when dropped', async () => {
  const kept = new RecentlyClosed(30);
  const a = file('const a = 1;\n');
  const b = file('const b = 2;\n');
  kept.keep('file:///a.ts', a);
  kept.keep('file:///b.ts', b);
  assert.equal(kept.take('file:///a.ts'), undefined, 'the earlier one was let go');
  kept.keep('file:///b.ts', b);
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(kept.take('file:///b.ts'), undefined, 'let go after its time');
  kept.keep('file:///b.ts', b);
  kept.drop();
  assert.equal(kept.take('file:///b.ts'), undefined);
});

test('a kept CDKTF program reads as the new one only for its own text (in UTF-8 or as a string) and language', () => {
  const text = 'new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", description: "中文" });\n';
  const a = file(text);
  const utf8 = Buffer.from(text, 'utf8');
  assert.equal(keptSourceFile('file:///stack/main.ts', 'typescript', utf8, a), a);
  assert.equal(sourceFileFor('file:///stack/main.ts', 'typescript', text, a), a);
  // One character different, the same length in bytes: a new parse.
  const other = text.replace('bgpg-1', 'bgpg-2');
  assert.equal(keptSourceFile('file:///stack/main.ts', 'typescript', Buffer.from(other, 'utf8'), a), undefined);
  assert.notEqual(sourceFileFor('file:///stack/main.ts', 'typescript', other, a), a);
  // The same text as another language: read by that language's adapter.
  assert.equal(keptSourceFile('file:///stack/main.py', 'python', utf8, a), undefined);
  assert.equal(keptSourceFile('file:///stack/main.tf', 'terraform', utf8, a), undefined);
});
