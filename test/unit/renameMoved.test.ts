/**
 * The `moved` block a resource's rename appends: written with the line break the file's last lines end with, so
 * that a file mixing CRLF and LF lines (a CRLF header pasted into an LF file) gets no line break of another kind
 * at its end.
 *
 * Run: npx tsx --test test/unit/renameMoved.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSourceFile } from '../../server/src/engine/files';
import { Refusal, renameEdits } from '../../server/src/lsp/rename';

function renamed(text: string): string {
  const uri = 'file:///w/main.tf';
  const file = createSourceFile(uri, 'terraform', text)!;
  const at = text.split(/\r?\n/).findIndex((l) => l.includes('"g"'));
  const edits = renameEdits(file, { line: at, character: text.split(/\r?\n/)[at].indexOf('"g"') + 1 }, 'core', { files: () => [[uri, file]] });
  assert.ok(edits && !(edits instanceof Refusal));
  return TextDocument.applyEdits(TextDocument.create(uri, 'terraform', 1, text), edits.get(uri)!);
}

const GROUP = ['resource "alicloud_vpc_bgp_group" "g" {', '  router_id = "vbr-1"', '  peer_asn  = 65010', '}', ''];

test('a file of LF lines below a CRLF first line gets its moved block with LF', () => {
  const text = '# header\r\n' + GROUP.join('\n');
  const out = renamed(text);
  assert.ok(out.endsWith('}\n\nmoved {\n  from = alicloud_vpc_bgp_group.g\n  to   = alicloud_vpc_bgp_group.core\n}\n'), JSON.stringify(out.slice(-120)));
});

test('a CRLF file gets its moved block with CRLF, one that ends without a line break too', () => {
  const out = renamed(GROUP.join('\r\n'));
  assert.ok(out.endsWith('}\r\n\r\nmoved {\r\n  from = alicloud_vpc_bgp_group.g\r\n  to   = alicloud_vpc_bgp_group.core\r\n}\r\n'), JSON.stringify(out.slice(-120)));
  const unended = renamed(GROUP.slice(0, -1).join('\r\n'));
  assert.ok(unended.endsWith('}\r\n\r\nmoved {\r\n  from = alicloud_vpc_bgp_group.g\r\n  to   = alicloud_vpc_bgp_group.core\r\n}\r\n'), JSON.stringify(unended.slice(-120)));
});
