// Settings take effect without reloading the window: a rule's severity changed and silenced by its code,
// diagnostics turned off and on, and the server trace switched on and off.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAll, hoverAt, open, ours, waitFor, waitForDiagnostic, waitForNoDiagnostic, writeFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('alicloudBgp');
const set = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);

describe('settings, applied without a reload', () => {
  let uri: vscode.Uri;
  before(async () => {
    await api();
    uri = (await open('settings/main.tf')).doc.uri;
    await waitForDiagnostic(uri, 'bfd-multi-hop-without-bfd', (d) => d.severity === vscode.DiagnosticSeverity.Warning);
  });
  afterEach(async () => {
    for (const key of ['diagnostics.severity', 'diagnostics.enable', 'trace.server']) await set(key, undefined);
  });
  after(closeAll);

  it('alicloudBgp.diagnostics.severity changes a rule\'s severity by its code', async () => {
    await set('diagnostics.severity', { 'bfd-multi-hop-without-bfd': 'error' });
    await waitForDiagnostic(uri, 'bfd-multi-hop-without-bfd', (d) => d.severity === vscode.DiagnosticSeverity.Error);
    await set('diagnostics.severity', { 'bfd-multi-hop-without-bfd': 'hint' });
    await waitForDiagnostic(uri, 'bfd-multi-hop-without-bfd', (d) => d.severity === vscode.DiagnosticSeverity.Hint);
  });

  it('"off" silences one rule; removing the override brings it back', async () => {
    await set('diagnostics.severity', { 'bfd-multi-hop-without-bfd': 'off' });
    await waitForNoDiagnostic(uri, 'bfd-multi-hop-without-bfd');
    await set('diagnostics.severity', undefined);
    await waitForDiagnostic(uri, 'bfd-multi-hop-without-bfd', (d) => d.severity === vscode.DiagnosticSeverity.Warning);
  });

  it('alicloudBgp.diagnostics.enable turns all findings off and on', async () => {
    await set('diagnostics.enable', false);
    await waitForNoDiagnostic(uri);
    // Hover and completion keep working while diagnostics are off.
    assert.match(await hoverAt(uri, 'bfd_multi_hop', 2), /1.{1,3}255/);
    await set('diagnostics.enable', true);
    await waitForDiagnostic(uri, 'bfd-multi-hop-without-bfd');
  });

  it('alicloudBgp.trace.server logs the LSP traffic when on, and nothing when off', async () => {
    const a = await api();
    await set('trace.server', 'verbose');
    await sleepUntilTraced(async () => hoverAt(uri, 'bfd_multi_hop', 2), a.traceLines);
    await set('trace.server', 'off');
    await new Promise((r) => setTimeout(r, 300)); // let the client apply it
    const before = a.traceLines();
    await hoverAt(uri, 'bfd_multi_hop', 2);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(a.traceLines(), before, 'no trace lines while tracing is off');
    assert.ok(ours(uri).length > 0);
  });

  it('a verbose trace shows the messages, but no document text and never an auth_key', async () => {
    const a = await api();
    await set('trace.server', 'verbose');
    await new Promise((r) => setTimeout(r, 300));
    const secret = 's3cr3t-bgp-md5-key';
    const doc = await vscode.workspace.openTextDocument(writeFile('settings/secret.tf',
      `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n  auth_key  = "${secret}"\n}\n`));
    await vscode.window.showTextDocument(doc);
    await waitFor('the didOpen of secret.tf in the trace', () => a.recentTrace().includes('secret.tf') && /"text": "\(\d+ characters of document text, not traced\)"/.test(a.recentTrace()));
    // Typed in (a didChange carries the value alone, with no key name beside it).
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(3, 14 + secret.length), 'typed-key-part'));
    await waitFor('the didChange in the trace', () => /textDocument\/didChange/.test(a.recentTrace()));
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!a.recentTrace().includes(secret) && !a.recentTrace().includes('typed-key-part'), 'no key in the trace');
  });
});

async function sleepUntilTraced(act: () => Promise<unknown>, lines: () => number): Promise<void> {
  const start = lines();
  await waitFor('trace lines for a hover request', async () => {
    await act();
    return lines() > start;
  }, 10000);
}
