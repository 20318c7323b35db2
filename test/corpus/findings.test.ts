/**
 * The real-world corpus (../shared/corpus, read in place) through the CLI with `--format json`:
 * - every Terraform file in it is checked;
 * - no error anywhere except the true positives INDEX.md lists, and no warning a maintainer would not
 *   agree with;
 * - each listed finding is reported, at its exact place;
 * - each file checked alone (its own module) gives the same findings as the whole folder checked at once,
 *   but for the names two files declare: the corpus keeps files of many modules (and two versions of one file)
 *   in one folder, which the folder run reads as one module, where those names collide (`duplicate-declaration`).
 *
 * Run: npm run build && npx tsx --test test/corpus/findings.test.ts
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLI, JsonFinding, runCli, runJson } from '../helpers/cli';
import { CORPUS, corpusFiles, corpusHclFiles, expectedFindings, readCorpus } from '../helpers/corpus';

const run = promisify(execFile);

describe('real-world corpus through the CLI', () => {
  let findings: JsonFinding[];
  /** The folder run's duplicate-declaration findings: names declared by two corpus files of different modules. */
  let collisions: JsonFinding[];
  let status: number | null;
  const rel = (f: JsonFinding) => path.relative(CORPUS, f.file);
  const expected = expectedFindings();
  const describeFinding = (f: JsonFinding) => `${rel(f)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} [${f.code}] ${f.message}`;
  const isExpected = (f: JsonFinding) =>
    expected.some((e) => e.file === rel(f) && e.code === f.code && e.severity === f.severity && e.range.start.line === f.range.start.line);

  before(() => {
    const r = runJson([CORPUS]);
    collisions = r.findings.filter((f) => f.code === 'duplicate-declaration');
    findings = r.findings.filter((f) => f.code !== 'duplicate-declaration');
    status = r.status;
    assert.equal(r.stderr, '');
  });

  it('checks every .tf and .tfvars file of the corpus', () => {
    const hcl = corpusHclFiles().length;
    assert.ok(hcl >= 40, `the corpus has its Terraform files (${hcl})`);
    const summary = /^(\d+) files checked/m.exec(runCli([CORPUS]).stdout);
    assert.ok(summary, 'a summary line');
    const checked = Number(summary[1]);
    // CDKTF sources (.ts) may be checked too once an adapter reads them; never fewer than the Terraform files.
    assert.ok(checked >= hcl && checked <= corpusFiles().length, `${checked} files checked, ${hcl} Terraform files`);
  });

  it('reports no error in any file except the true positives INDEX.md lists', () => {
    const unexpected = findings.filter((f) => f.severity === 'error' && !isExpected(f));
    assert.deepEqual(unexpected.map(describeFinding), []);
    assert.equal(status, 1, 'the listed errors make the run fail');
  });

  it('reports only warnings a maintainer agrees with, and no information or hint noise', () => {
    const unexpected = findings.filter((f) => f.severity !== 'error' && !isExpected(f));
    assert.deepEqual(unexpected.map(describeFinding), []);
  });

  for (const e of expected) {
    it(`reports ${e.code} in ${e.file.slice(0, 40)}… at line ${e.range.start.line + 1} (${e.why})`, () => {
      const hits = findings.filter((f) => rel(f) === e.file && f.code === e.code);
      assert.equal(hits.length, 1, `one ${e.code} in ${e.file}: ${JSON.stringify(hits)}`);
      assert.equal(hits[0].severity, e.severity);
      // A syntax error is placed by its start (where the parser gave up); everything else by its whole range.
      if (e.code === 'syntax-error') assert.deepEqual(hits[0].range.start, e.range.start);
      else assert.deepEqual(hits[0].range, e.range);
    });
  }

  it('finds names declared twice when the folder is read as one module, and each on its own line of a file', () => {
    // The corpus's files come from several modules, and several from copies of one: in one folder their names collide.
    assert.ok(collisions.length >= 2, 'the folder run sees names that two corpus files declare');
    for (const f of collisions) {
      const address = /^(\S+) is declared (\d+) times in this module/.exec(f.message);
      assert.ok(address, f.message);
      const [kind, type, name] = address[1].startsWith('data.') ? ['data', ...address[1].slice(5).split('.')] : ['resource', ...address[1].split('.')];
      const header = new RegExp(`^${kind}\\s+"${type}"\\s+"${name}"`, 'm');
      const declaring = corpusHclFiles().filter((file) => header.test(readCorpus(file)));
      assert.equal(declaring.length, Number(address[2]), `${address[1]} is declared by ${declaring.join(', ')}`);
    }
  });

  it('gives each file checked on its own (a module of one file) the same findings as the folder run', async () => {
    const files = corpusHclFiles();
    const perFile = new Map<string, JsonFinding[]>();
    // A few CLI processes at a time.
    for (let i = 0; i < files.length; i += 8) {
      await Promise.all(
        files.slice(i, i + 8).map(async (name) => {
          const r = await run(process.execPath, [CLI, '--format', 'json', path.join(CORPUS, name)]).catch((e: { stdout?: string; code?: number }) => {
            if (e.code === 1 && e.stdout) return { stdout: e.stdout };
            throw e;
          });
          perFile.set(name, JSON.parse(r.stdout) as JsonFinding[]);
        }),
      );
    }
    const strip = (f: JsonFinding) => `${path.relative(CORPUS, f.file)} ${JSON.stringify(f.range)} ${f.severity} ${f.code} ${f.message}`;
    // A file named alone is still checked with its folder's other files, so the collisions are there too (and
    // each is declared once per file: see above).
    const alone = [...perFile.values()].flat().filter((f) => f.code !== 'duplicate-declaration').map(strip).sort();
    const together = findings.filter((f) => /\.(tf|tfvars)$/.test(f.file)).map(strip).sort();
    assert.deepEqual(alone, together);
  });
});
