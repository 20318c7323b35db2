/**
 * HashiCorp's own HCL parser (`@cdktf/hcl2json`, the Go parser compiled to WASM) as an oracle for ours:
 * - for every corpus .tf/.tfvars file, we report a `syntax-error` exactly when hcl2json rejects the file,
 *   and where it rejects the Go test excerpt we report the error at the same place;
 * - the same for deterministic small mutations of every corpus file (a stray brace, quote, comma, newline,
 *   deleted characters…), written to a temp folder, so the parser is checked on broken real code too.
 * hcl2json's "convert" errors (e.g. a provider block with two labels) are about Terraform's schema, not
 * syntax, so only its "parse config" errors count as syntax errors.
 *
 * Run: npm run build && npx tsx --test test/corpus/syntax-oracle.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { JsonFinding, runJson, tempTree } from '../helpers/cli';
import { CORPUS, corpusHclFiles, GO_EXCERPT, readCorpus } from '../helpers/corpus';
import { prng } from '../helpers/random';

interface Verdict {
  /** hcl2json's first syntax error, 0-based; undefined when it parses. */
  error?: { line: number; character: number; message: string };
}

async function oracle(name: string, text: string): Promise<Verdict> {
  try {
    await parse(name, text);
    return {};
  } catch (e) {
    const msg = String(e);
    if (!/parse config/.test(msg)) return {}; // a conversion (schema) error: the syntax was fine
    const m = /:(\d+),(\d+)-/.exec(msg);
    assert.ok(m, `a position in hcl2json's error: ${msg}`);
    return { error: { line: Number(m[1]) - 1, character: Number(m[2]) - 1, message: msg } };
  }
}

const syntaxErrors = (findings: JsonFinding[], file: string) => findings.filter((f) => f.file === file && f.code === 'syntax-error');

describe('syntax errors agree with HashiCorp HCL (hcl2json)', () => {
  let corpusFindings: JsonFinding[];
  before(() => (corpusFindings = runJson([CORPUS]).findings));

  it('on every corpus .tf/.tfvars file: an error exactly when hcl2json rejects it', async () => {
    const disagreements: string[] = [];
    let rejected = 0;
    for (const name of corpusHclFiles()) {
      const verdict = await oracle(name, readCorpus(name));
      if (verdict.error) rejected++;
      const ours = syntaxErrors(corpusFindings, path.join(CORPUS, name));
      if (!!verdict.error !== ours.length > 0) {
        disagreements.push(`${name}: hcl2json ${verdict.error ? 'rejects' : 'accepts'}, we report ${JSON.stringify(ours.map((o) => o.message))}`);
      }
    }
    assert.deepEqual(disagreements, []);
    assert.ok(rejected >= 1, 'the oracle rejects at least the Go excerpt');
  });

  it('places the Go excerpt`s error where hcl2json does', async () => {
    const verdict = await oracle(GO_EXCERPT, readCorpus(GO_EXCERPT));
    assert.ok(verdict.error);
    const [ours] = syntaxErrors(corpusFindings, path.join(CORPUS, GO_EXCERPT));
    assert.deepEqual(ours.range.start, { line: verdict.error.line, character: verdict.error.character });
  });

  it('on the constructs where the HCL newline and single-line-block rules decide validity', async () => {
    // Each is checked against hcl2json rather than labelled by hand; the comment says what it is about.
    const snippets = [
      'a = \n  1\n', // value on the next line
      'a = 1 +\n  2\n', // binary operator at the end of a line (outside brackets)
      'a = (1 +\n  2)\n', // …inside parentheses is fine
      'a = true ? 1\n  : 2\n', // conditional split across lines
      'a = true ?\n  1 : 2\n',
      'a = x ? (\n  1) : 2\n',
      'a = -\n1\n', // unary operator at the end of a line
      'a = b.\n  c\n', // traversal split across lines
      'a = [for v in x.\n  y : v]\n', // …inside brackets is fine
      'a = [\n  1,\n  2\n]\n',
      'a = foo(\n  1)\n',
      'a = {\n  k = 1,\n  j = 2\n}\n',
      'a = {\n  k\n  = 1\n}\n', // object key and "=" on different lines
      'a = {\n  k =\n  1\n}\n', // object value on the next line
      'a = {\n  k = 1\n  , j = 2\n}\n', // comma starting an object line
      'a = {\n  "k" = 1\n  (x) = 2\n}\n',
      'a = {for k, v in x :\n  k => v}\n',
      'a = { k = 1, j = 2 }\n',
      'a = [\n  {\n    k = 1\n  },\n]\n',
      'x { a = 1 }\n', // single-line block
      'x { a = 1\n}\n', // argument on the "{" line of a multi-line block
      'x {\n  a = 1 }\n', // "}" on the line of an argument
      'x { y {} }\n', // a block inside a single-line block
      'x {\n  y {\n  } }\n',
      'x {\n}y {\n}\n', // something after "}" on its line
      'x {} # comment\n',
      'x {}/* c */ y {}\n',
      'x {\n  a = 1,\n}\n',
      'a = 1 b = 2\n',
      'resource "alicloud_vpc_bgp_peer" "p" {\n  timeouts { create = "10m" }\n}\n',
      'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = var.on ? 10 : null\n  enable_bfd = (var.on ?\n    true : false)\n}\n',
      'a = "to ${\n  upper(x)\n} data centre"\n', // an interpolation of a quoted string spanning lines
      'a = "${\n  x}"\nb = "${x\n}"\n',
      'a = "to ${x\nb = 1\n', // …left open: the string does not end where it should
    ];
    const { dir, cleanup } = tempTree(Object.fromEntries(snippets.map((t, i) => [`s${i}.tf`, t])));
    try {
      const findings = runJson([dir]).findings;
      const disagreements: string[] = [];
      let rejected = 0;
      for (const [i, t] of snippets.entries()) {
        const verdict = await oracle(`s${i}.tf`, t);
        if (verdict.error) rejected++;
        const ours = syntaxErrors(findings, path.join(dir, `s${i}.tf`));
        if (!!verdict.error !== ours.length > 0) disagreements.push(`${JSON.stringify(t)}: hcl2json ${verdict.error ? 'rejects' : 'accepts'}, we ${ours.length ? 'reject' : 'accept'}`);
      }
      assert.deepEqual(disagreements, []);
      assert.ok(rejected >= 10 && rejected <= snippets.length - 10, `${rejected} of ${snippets.length} rejected`);
    } finally {
      cleanup();
    }
  });

  describe('on small mutations of every corpus file', () => {
    const PER_FILE = 20;
    const INSERTS = ['{', '}', '"', '=', '(', ')', '[', ']', ',', '\n', '#', '/*', '<<', '$', '%', '.', ' x ', '?', ' + '];
    let dir: string;
    let cleanup: () => void;
    const cases: { file: string; what: string; verdict: Verdict }[] = [];

    before(async () => {
      const files: Record<string, string> = {};
      const rnd = prng(7);
      for (const name of corpusHclFiles()) {
        const text = readCorpus(name);
        for (let k = 0; k < PER_FILE; k++) {
          const at = Math.floor(rnd() * text.length);
          const insert = rnd() < 0.25 ? '' : INSERTS[Math.floor(rnd() * INSERTS.length)];
          const del = insert === '' ? 1 + Math.floor(rnd() * 3) : 0;
          const mutated = text.slice(0, at) + insert + text.slice(at + del);
          const file = `${k}-${name}`;
          files[file] = mutated;
          const line = text.slice(0, at).split('\n').length;
          cases.push({ file, what: `${name} line ${line}: ${insert ? `insert ${JSON.stringify(insert)}` : `delete ${JSON.stringify(text.slice(at, at + del))}`}`, verdict: await oracle(file, mutated) });
        }
      }
      ({ dir, cleanup } = tempTree(files));
    });
    after(() => cleanup?.());

    it('we report a syntax error exactly when hcl2json rejects the mutant', () => {
      const findings = runJson([dir]).findings;
      const disagreements = cases
        .filter((c) => !!c.verdict.error !== syntaxErrors(findings, path.join(dir, c.file)).length > 0)
        .map((c) => `${c.what}: hcl2json ${c.verdict.error ? `rejects (${c.verdict.error.message.slice(0, 160)})` : 'accepts'}, we ${c.verdict.error ? 'accept' : 'reject'}`);
      assert.deepEqual(disagreements, []);
      // The mutations are a real test: many break the syntax, many do not.
      const rejected = cases.filter((c) => c.verdict.error).length;
      assert.ok(rejected > cases.length / 5 && rejected < cases.length * 0.9, `${rejected} of ${cases.length} mutants rejected`);
      assert.ok(fs.existsSync(dir));
    });
  });
});
