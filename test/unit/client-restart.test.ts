// The client's restart policy (client/src/restartPolicy.ts): a dying server is restarted a few times, then
// given up on with a clear message; deaths age out of the window; a manual restart starts a fresh count.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RestartPolicy } from '../../client/src/restartPolicy';

test('restarts up to maxRestarts times within the window, then gives up with a message', () => {
  let now = 0;
  const p = new RestartPolicy(3, 60_000, () => now);
  for (let i = 1; i <= 3; i++) {
    now += 1000;
    const d = p.serverDied();
    assert.equal(d.restart, true, `death ${i}`);
    assert.match(d.message, new RegExp(`restarting it \\(${i} of 3\\)`));
  }
  now += 1000;
  const last = p.serverDied();
  assert.equal(last.restart, false);
  assert.match(last.message, /stopped 4 times in a minute and will not be restarted again/);
  assert.match(last.message, /Restart Language Server/);
});

test('deaths older than the window no longer count', () => {
  let now = 0;
  const p = new RestartPolicy(2, 60_000, () => now);
  assert.equal(p.serverDied().restart, true);
  now = 30_000;
  assert.equal(p.serverDied().restart, true);
  now = 70_000; // the first death is out of the window
  assert.equal(p.serverDied().restart, true);
  assert.equal(p.recentDeaths, 2);
});

test('a manual restart starts a fresh count', () => {
  const p = new RestartPolicy(1, 60_000, () => 0);
  assert.equal(p.serverDied().restart, true);
  assert.equal(p.serverDied().restart, false);
  p.reset();
  assert.equal(p.serverDied().restart, true);
});
