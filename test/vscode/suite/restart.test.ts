// Reliability: when the language server process dies, the client restarts it and the open documents get
// their diagnostics back; a server that keeps dying is given up on after a few restarts, with a clear message
// and no restart loop; "Restart Language Server" brings it back. The server is killed for real (SIGKILL)
// inside this extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAll, open, serverPids, setText, sleep, waitFor, waitForDiagnostic } from './helpers';

const livePid = (not: number[] = []) =>
  waitFor(`a running language server process (not ${not})`, () => serverPids().find((p) => !not.includes(p)), 20000);

describe('the client restarts a server that dies', () => {
  before(api);
  after(closeAll);

  it('restarts it, and the open document gets its diagnostics back from the new server', async () => {
    const a = await api();
    const { doc } = await open('restart/main.tf');
    await waitForDiagnostic(doc.uri, 'value-out-of-range', (d) => doc.getText(d.range) === '300');
    const [pid] = serverPids();
    assert.ok(pid, 'the server runs as a child process of the extension host');
    process.kill(pid, 'SIGKILL');
    // Edited while no server runs: only a new server can report the new value.
    await setText(doc, doc.getText().replace('bfd_multi_hop = 300', 'bfd_multi_hop = 400'));
    const next = await livePid([pid]);
    assert.notStrictEqual(next, pid);
    await waitForDiagnostic(doc.uri, 'value-out-of-range', (d) => doc.getText(d.range) === '400');
    await waitFor('the client to be running again', () => a.status().state === 'running');
    assert.strictEqual(a.status().recentDeaths, 1);
    assert.strictEqual(a.status().gaveUp, undefined);
  });

  it('gives up on a server that keeps dying, says so, and does not loop', async function () {
    this.timeout(90000);
    const a = await api();
    const killed: number[] = [];
    let pid = await livePid();
    for (;;) {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
      // Killed while running or while still initializing: either way a new server comes, or the client gives up.
      const next = await waitFor('a new server, or the client giving up', () => (a.status().gaveUp ? -1 : serverPids().find((p) => !killed.includes(p))));
      if (next === -1) break;
      assert.ok(killed.length < 10, 'the client gives up after a few restarts');
      pid = next;
    }
    // 1 death in the previous test + 3 here: restarted 3 times, given up on the 4th death.
    assert.strictEqual(killed.length, 3);
    assert.match(a.status().gaveUp!, /stopped 4 times in 3 minutes and will not be restarted again/);
    assert.match(a.status().gaveUp!, /Restart Language Server/);
    await sleep(1500);
    assert.deepStrictEqual(serverPids(), [], 'no server is started again');
    assert.strictEqual(a.status().state, 'stopped');
  });

  it('"Restart Language Server" brings it back, and diagnostics with it', async () => {
    const a = await api();
    const { doc } = await open('restart/main.tf');
    await vscode.commands.executeCommand('alicloudBgp.restartServer');
    await livePid();
    assert.strictEqual(a.status().state, 'running');
    assert.strictEqual(a.status().gaveUp, undefined);
    await waitForDiagnostic(doc.uri, 'value-out-of-range', (d) => doc.getText(d.range) === '400');
  });
});
