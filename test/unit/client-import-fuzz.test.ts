// Fuzzing the import command's inputs: whatever is typed or pasted as the BGP peer ID or the resource name,
// it is either rejected with a message or produces text that parses back to exactly the same value, and the
// terraform argument vector never carries anything a shell could interpret.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkBgpPeerId, checkResourceName, codeString, hclString, importBlock, terraformImportArgs } from '../../client/src/importInputs';
import { createSourceFile } from '../../server/src/engine/files';
import { parseChunks } from '../../server/src/syntax/hcl/parser';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SHELL = ['"', "'", '`', '$', '$(', '${', ';', '&&', '|', '>', '<', '\n', '\r', '\\', ' ', '\t', '*', '?', '#', '%{', '\u0000', '😀', 'é'];
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...SHELL), fc.constantFrom('bgp-', 'bgpg-', 'abc123', 'x', '0')), { maxLength: 12 }).map((p) => p.join('')),
  fc.tuple(fc.constantFrom('bgp-', 'BGP-', ' bgp-'), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
);

test(`fuzz: a BGP peer ID is rejected, or it is exactly bgp- plus lower-case letters and digits (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(hostile, (raw) => {
      const r = checkBgpPeerId(raw);
      if (!r.ok) {
        assert.ok(r.message.length > 0);
        return;
      }
      assert.match(r.value, /^bgp-[a-z0-9]+$/);
      // A valid ID survives the import block unchanged: it parses back to the very same string.
      const block = importBlock('peer', r.value);
      const [chunk] = parseChunks(block).chunks;
      assert.deepEqual(chunk.errors, []);
      const attr = chunk.items[0].type === 'Block' ? chunk.items[0].body.find((i) => i.type === 'Attribute' && i.name === 'id') : undefined;
      assert.ok(attr && attr.type === 'Attribute' && attr.expr?.type === 'Literal' && attr.expr.value === r.value);
    }),
    { numRuns: RUNS },
  );
});

test(`fuzz: a resource name is rejected, or it is a Terraform identifier (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(hostile, (raw) => {
      const r = checkResourceName(raw, new Set(['taken']));
      if (!r.ok) return;
      assert.match(r.value, /^[A-Za-z_][A-Za-z0-9_-]*$/);
      assert.notEqual(r.value, 'taken');
    }),
    { numRuns: RUNS },
  );
});

test(`fuzz: the terraform argument vector holds only validated values, or nothing at all (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(hostile, hostile, (name, id) => {
      let args: string[];
      try {
        args = terraformImportArgs(name, id);
      } catch {
        return; // rejected: nothing runs
      }
      assert.equal(args.length, 3);
      assert.equal(args[0], 'import');
      for (const a of args) assert.doesNotMatch(a, /[\s"'`$;&|<>\\*?#(){}\u0000-\u001f]/, `argument ${JSON.stringify(a)}`);
    }),
    { numRuns: RUNS },
  );
});

test(`fuzz: quoted strings in HCL and in CDKTF code round-trip any text (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (s) => {
      const hcl = `x = ${hclString(s)}\n`;
      const [chunk] = parseChunks(hcl).chunks;
      assert.deepEqual(chunk.errors, [], hcl);
      const item = chunk.items[0];
      assert.ok(item.type === 'Attribute' && item.expr?.type === 'Literal' && item.expr.value === s, hcl);
      assert.equal(JSON.parse(codeString(s)), s);
      // And a TypeScript file holding it still parses as one construct argument.
      assert.ok(createSourceFile('file:///x.ts', 'typescript', `const id = ${codeString(s)};\n`));
    }),
    { numRuns: RUNS },
  );
});
