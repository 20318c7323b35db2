/**
 * The server's background threads (V8's compiler and collector helpers) run at a lower priority than its
 * main thread, so that they never take the core the main thread needs to answer a keystroke (`lsp/threads.ts`).
 *
 * Run: npm run build && npx tsx --test test/protocol/threads.test.ts
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { BACKGROUND_NICE, lowerBackgroundThreads } from '../../server/src/lsp/threads';
import { LspClient } from '../helpers/lsp';

/** tid → nice value of every thread of a process (field 19 of /proc/<pid>/task/<tid>/stat). */
function niceOf(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
    const stat = fs.readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
    out.set(Number(t), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return out;
}

it('runs every thread but the main one at a lower priority', async () => {
  if (process.platform !== 'linux') {
    // Elsewhere a thread id given to setpriority would name the whole process: nothing is changed.
    assert.equal(lowerBackgroundThreads(), 0);
    return;
  }
  const lsp = await LspClient.start();
  try {
    const nice = niceOf(lsp.proc.pid!);
    assert.equal(nice.get(lsp.proc.pid!), 0, 'the main thread keeps the normal priority');
    const others = [...nice].filter(([tid]) => tid !== lsp.proc.pid);
    assert.ok(others.length >= 4, `V8's worker threads are there (${others.length})`);
    assert.deepEqual(others.filter(([, n]) => n !== BACKGROUND_NICE), [], 'every other thread runs at the background priority');
  } finally {
    await lsp.stop();
  }
});
