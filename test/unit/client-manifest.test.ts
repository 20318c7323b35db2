// The extension manifest (package.json) against what the client and the README promise: cheap activation,
// the terraform language, a setting for every finding code, each setting documented, packaged files present.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CDKTF_LANGUAGES, documentSelector, TERRAFORM_LANGUAGES } from '../../client/src/languages';
import { FINDING_CODES, FINDING_SUMMARIES } from '../../server/src/analysis/codes';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

test('engines.vscode is ^1.100.0 and the API types match it', () => {
  assert.equal(pkg.engines.vscode, '^1.100.0');
  assert.match(pkg.devDependencies['@types/vscode'], /^1\.100\./);
});

test('activation: only the served languages and workspaces with .tf, .tfvars.json or .tf.json files, never "*"', () => {
  const expected = [...TERRAFORM_LANGUAGES, ...CDKTF_LANGUAGES]
    .map((l) => `onLanguage:${l}`)
    .concat('workspaceContains:**/*.tf', 'workspaceContains:**/*.tfvars.json', 'workspaceContains:**/*.tf.json');
  assert.deepEqual([...pkg.activationEvents].sort(), expected.sort());
});

test('a JSON file the server is sent activates the extension in a folder without .tf files (no onLanguage:json: every JSON file would)', () => {
  const json = documentSelector().filter((s) => s.language === 'json');
  assert.ok(json.length > 0);
  for (const s of json) assert.ok(pkg.activationEvents.includes(`workspaceContains:${s.pattern}`), `no workspaceContains:${s.pattern}`);
  assert.ok(!pkg.activationEvents.includes('onLanguage:json'));
});

test('the terraform language (same id as HashiCorp\'s) for .tf and .tfvars', () => {
  const tf = pkg.contributes.languages.find((l: { id: string }) => l.id === 'terraform');
  assert.deepEqual(tf.extensions, ['.tf', '.tfvars']);
  assert.ok(fs.existsSync(path.join(root, tf.configuration)));
});

test('the server is sent .tfvars.json files and module files in JSON (.tf.json), and no other JSON', () => {
  assert.deepEqual(documentSelector().filter((s) => s.language === 'json'), [
    { scheme: 'file', language: 'json', pattern: '**/*.tfvars.json' },
    { scheme: 'file', language: 'json', pattern: '**/*.tf.json' },
  ]);
});

test('a severity setting for every finding code the README lists, and no other', () => {
  const table = readme.slice(readme.indexOf('## What it checks'), readme.indexOf('### Quick fixes'));
  const codes = new Set([...table.matchAll(/^\| ([^|]+)\|/gm)].flatMap((m) => [...m[1].matchAll(/`([a-z][a-z0-9-]+)`/g)].map((c) => c[1])));
  assert.ok(codes.size >= 20, `found only ${codes.size} codes in the README table`);
  const props = pkg.contributes.configuration.properties['alicloudBgp.diagnostics.severity'].properties;
  assert.deepEqual(Object.keys(props).sort(), [...codes].sort());
  // The list the CLI's --severity checks a code against is the same.
  assert.deepEqual([...FINDING_CODES].sort(), [...codes].sort());
  // Each code's setting says what the code means (shown when the setting is edited), as the CLI's SARIF rules do.
  for (const [code, prop] of Object.entries(props) as [string, { description?: string }][]) assert.equal(prop.description, FINDING_SUMMARIES[code], code);
});

test('every setting is documented in the README\'s Settings section', () => {
  const settings = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 5));
  for (const key of Object.keys(pkg.contributes.configuration.properties)) assert.ok(settings.includes(`\`${key}\``), `${key} is not in the README's Settings section`);
});

test('terraform.path is restricted in untrusted workspaces; the commands are declared', () => {
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['alicloudBgp.terraform.path']);
  assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(), ['alicloudBgp.importBgpPeer', 'alicloudBgp.restartServer']);
});

test('what the package needs exists: the icon (a 128×128 PNG), snippet files, the language configuration', () => {
  const icon = fs.readFileSync(path.join(root, pkg.icon));
  assert.equal(icon.subarray(1, 4).toString(), 'PNG');
  assert.equal(icon.readUInt32BE(16), 128);
  for (const s of pkg.contributes.snippets) assert.ok(fs.existsSync(path.join(root, s.path)), s.path);
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  for (const keep of ['!snippets/**', `!${pkg.icon}`, '!client/language-configuration.json']) assert.ok(ignore.includes(keep), `.vscodeignore keeps ${keep}`);
});
