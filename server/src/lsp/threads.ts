/**
 * The server's threads other than the main one run at the lowest priority (Linux).
 *
 * Besides the main thread, a Node process has V8's worker threads: they compile hot functions with TurboFan
 * (for the first few thousand keystrokes a server is still tiering up: ≈ 0.1 ms of compiler time per
 * keystroke on the 200-line module, and a single job can take milliseconds) and help the garbage collector.
 * On two shared cores, such a job and the editor, woken by the server's answer, were enough to keep the main
 * thread waiting for a core: in the slowest keystrokes the main thread spent milliseconds ready to run while
 * the process's own compiler threads ran. Background work can wait; the thread that answers the editor
 * should not. Measured on the 200-line module (1,000 keystrokes per run, interleaved runs on a loaded
 * machine): the main thread's p99 wait for a core per keystroke went from ≈ 2–3.5 ms to ≈ 0.4 ms, the
 * server's own p99 (stdin in → publish written) from ≈ 3 to ≈ 1.3 ms. (The young-generation collection, the
 * one collection on the keystroke path, runs on the main thread alone, `heap.ts`, so that it never waits for
 * a helper thread that is not scheduled.)
 *
 * Threads started later (libuv's pool, on first use) keep the normal priority; the server uses it little.
 */
import * as fs from 'fs';
import * as os from 'os';

/**
 * The lowest priority, 19. At nice 10 the compiler threads still kept the main thread waiting as often as at 0
 * (p99 ≈ 3.5 ms): a woken thread preempts a running one only when its lead in virtual run time is large
 * enough, and at 10 the compiler's lead grew too slowly. On the 100,000-line module, whose keystrokes and
 * collections are larger, keystroke latency and opening time stayed within the noise.
 */
export const BACKGROUND_NICE = 19;

/** Lowers the priority of every thread of this process but the main one. Returns how many were lowered. */
export function lowerBackgroundThreads(): number {
  // On Linux a thread id given to setpriority names that thread only; elsewhere it would be the whole process.
  if (process.platform !== 'linux') return 0;
  let lowered = 0;
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  for (const t of tids) {
    const tid = Number(t);
    if (!Number.isInteger(tid) || tid === process.pid) continue;
    try {
      os.setPriority(tid, BACKGROUND_NICE);
      lowered++;
    } catch {
      // gone already, or not allowed: it keeps its priority
    }
  }
  return lowered;
}
