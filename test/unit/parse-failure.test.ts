/**
 * A parser that fails (a bug, never the file's fault) must lose no edit: the document keeps the editor's text,
 * says on line 1 that it could not be parsed, and the next edit tries again. The failures are injected into
 * one document's own methods; the parsers themselves are the real ones.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CdktfFile } from '../../server/src/engine/cdktfFile';
import { HclFile } from '../../server/src/engine/hclFile';
import { contextFor } from '../../server/src/engine/moduleContext';
import { defaultSchemas } from '../../server/src/schema/registry';
import { HclDocument } from '../../server/src/syntax/hcl/document';
import type { SourceFile } from '../../server/src/engine/sourceFile';

const schemas = defaultSchemas();
const diagnostics = (f: SourceFile) => f.diagnostics(contextFor([f], schemas));
const boom = () => {
  throw new RangeError('Maximum call stack size exceeded');
};
/** Makes `method` of this one object throw until the returned function is called. */
function failing(target: object, method: string): () => void {
  Object.defineProperty(target, method, { value: boom, configurable: true, writable: true });
  return () => delete (target as Record<string, unknown>)[method];
}
const at = (line: number, character: number) => ({ line, character });

const HCL = `resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65001
}

resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = alicloud_vpc_bgp_group.g.id
  bfd_multi_hop = 3
}
`;

const PYTHON = `from imports.alicloud.vpc_bgp_peer import VpcBgpPeer


class S(TerraformStack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        VpcBgpPeer(self, "p",
            bgp_group_id="bgpg-1",
            bfd_multi_hop=3,
        )
`;

describe('a failing parser loses no edit', () => {
  it('HCL: a failed re-parse parses the whole edited text instead', () => {
    const f = new HclFile(new HclDocument(HCL), false);
    diagnostics(f);
    const restore = failing(f.doc, 'applyChange');
    f.update([{ range: { start: at(7, 18), end: at(7, 19) }, text: '300' }]);
    restore();
    assert.equal(f.text, HCL.replace('bfd_multi_hop = 3', 'bfd_multi_hop = 300'));
    const fresh = new HclFile(new HclDocument(f.text), false);
    assert.deepEqual(diagnostics(f), diagnostics(fresh));
    assert.ok(diagnostics(f).some((d) => d.code === 'value-out-of-range'), 'the edited file is analysed');
  });

  it('HCL: when the whole text cannot be parsed either, the text is kept and line 1 says so', () => {
    const f = new HclFile(new HclDocument(HCL), false);
    diagnostics(f);
    const restoreChange = failing(f.doc, 'applyChange');
    const restoreWhole = failing(f.doc, 'parseWhole');
    f.update([{ range: { start: at(7, 18), end: at(7, 19) }, text: '300' }]);
    assert.equal(f.text, HCL.replace('bfd_multi_hop = 3', 'bfd_multi_hop = 300'));
    const [only, ...rest] = diagnostics(f);
    assert.equal(rest.length, 0);
    assert.deepEqual(only.range, { start: at(0, 0), end: at(0, 0) });
    assert.match(only.message, /^Internal error: this file could not be parsed \(RangeError: Maximum call stack size exceeded\)/);
    // Positions still map onto the text, and the next edit (once the parser works) analyses it again.
    assert.equal(f.lineText(7), '  bfd_multi_hop = 300');
    restoreChange();
    restoreWhole();
    f.update([{ range: { start: at(7, 18), end: at(7, 21) }, text: '4' }]);
    assert.equal(f.text, HCL.replace('bfd_multi_hop = 3', 'bfd_multi_hop = 4'));
    assert.deepEqual(diagnostics(f), diagnostics(new HclFile(new HclDocument(f.text), false)));
  });

  it('HCL: a whole new text that cannot be parsed is kept (as on open, which parses the same way)', () => {
    const f = new HclFile(new HclDocument(HCL), false);
    const restore = failing(f.doc, 'parseWhole');
    const replaced = HCL.replace('"g"', '"group"');
    f.update([{ text: replaced }]);
    restore();
    assert.equal(f.text, replaced);
    assert.equal(f.doc.chunks.length, 1);
    assert.match(diagnostics(f)[0].message, /^Internal error/);
  });

  it('CDKTF: a failed incremental update parses the whole file again', () => {
    const f = new CdktfFile('python', PYTHON, schemas);
    diagnostics(f);
    failing((f as unknown as { parsed: object }).parsed, 'update');
    f.update([{ range: { start: at(8, 26), end: at(8, 27) }, text: '300' }]);
    assert.equal(f.text, PYTHON.replace('bfd_multi_hop=3', 'bfd_multi_hop=300'));
    assert.deepEqual(diagnostics(f), diagnostics(new CdktfFile('python', f.text, schemas)));
    assert.ok(diagnostics(f).some((d) => d.code === 'value-out-of-range'), 'the edited file is analysed');
    // The parse that failed was let go: later edits go to the new one.
    f.update([{ range: { start: at(8, 26), end: at(8, 29) }, text: '5' }]);
    assert.deepEqual(diagnostics(f), diagnostics(new CdktfFile('python', f.text, schemas)));
  });

  it('CDKTF: when the whole file cannot be parsed, line 1 says so until an edit parses it', () => {
    const f = new CdktfFile('python', PYTHON, schemas);
    diagnostics(f);
    failing((f as unknown as { parsed: object }).parsed, 'update');
    const restore = failing(f, 'parseWhole');
    f.update([{ range: { start: at(8, 26), end: at(8, 27) }, text: '300' }]);
    const [only, ...rest] = diagnostics(f);
    assert.equal(rest.length, 0);
    assert.match(only.message, /^Internal error: this file could not be parsed/);
    assert.equal(f.text, PYTHON.replace('bfd_multi_hop=3', 'bfd_multi_hop=300'));
    restore();
    f.update([{ range: { start: at(0, 0), end: at(0, 0) }, text: '\n' }]);
    assert.deepEqual(diagnostics(f), diagnostics(new CdktfFile('python', f.text, schemas)));
    assert.ok(diagnostics(f).some((d) => d.code === 'value-out-of-range'));
  });
});
