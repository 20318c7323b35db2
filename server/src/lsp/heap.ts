/**
 * The server's own V8 tuning, so that every editor gets it whatever command line it starts `node` with.
 *
 * - **A small young generation.** V8 grows the young generation (two semi-spaces, 1 MB each at start) up to
 *   16 MB each whenever many objects survive a scavenge. Parsing a large file is exactly that — its model
 *   survives — so after one large open the server would hold 32 MB of young generation for the rest of its
 *   life, mostly empty. A language server allocates little per request, so it keeps the starting size.
 *   `--semi-space-growth-factor` is read each time V8 considers growing, so it works when set at run time
 *   (unlike `--max-semi-space-size`, read once when the heap is made).
 * - **Young-generation collections on the main thread alone** (`--no-parallel-scavenge`, also read at each
 *   collection). A scavenge runs every 25–30 keystrokes on a small file, in a fraction of a millisecond; in
 *   parallel it waits for helper threads, and on a busy machine a helper that is not scheduled held the
 *   keystroke for milliseconds. Opening the 100,000-line file measured the same either way.
 *   (V8's helper threads themselves keep their priority: at nice 19 they cut the 200-line keystroke tail, but
 *   a full collection waits for them too, and on a loaded machine one took 0.5–11 s instead of 80 ms.)
 * - **A full collection after a large text came or went.** Opening a 2 MB file leaves megabytes of strings
 *   behind (the JSON message, its decoded text), which only a full collection frees; V8 would wait until the
 *   heap had grown by about its live size. One incremental (`async`) full collection, started once the open or
 *   close has been answered, gives that memory back. And if another large text comes before that collection
 *   ran, the collection is made at once, before the new text is parsed (`beforeLargeText`). A large message
 *   made anew (`transport.ts`: the outline of a large file, which VS Code asks for after every pause in typing;
 *   not when its bytes are kept from the last answer) schedules the same collection: without it, 20 outlines of
 *   the 100,000-line file took the server's peak from 95 to 222 MB. A large file closed and kept a while
 *   (`recentlyClosed.ts`) schedules it when it is let go.
 *
 * BENCHMARKS.md has the measurements (resident memory after opening and re-opening the 100,000-line file).
 */
import * as v8 from 'v8';
import { runInNewContext } from 'vm';

/**
 * Texts at least this long (UTF-16 units) are worth a full collection when they come or go. A 5,000-construct
 * CDKTF stack is 960 K characters, and the TypeScript compiler's tree of it takes about 50 MB.
 */
const LARGE_TEXT = 1 << 19;
const AFTER_MS = 50;

/** Texts this long are the ones worth a collection when they come or go, and a line in the server's log. */
export function isLargeText(length: number): boolean {
  return length >= LARGE_TEXT;
}

type Collect = (options: { type: 'major' | 'minor'; execution?: 'async' | 'sync' }) => unknown;
let collect: Collect | undefined;
let scheduled: NodeJS.Timeout | undefined;

export function tuneHeap(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--no-parallel-scavenge');
  try {
    v8.setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  } catch {
    collect = undefined; // a runtime without the extension: V8 collects on its own schedule
  }
}

/** A text of `length` was opened, replaced or closed: collect shortly after the current work is answered. */
export function largeTextHandled(length: number): void {
  if (!collect || !isLargeText(length) || scheduled) return;
  scheduled = setTimeout(() => collectScheduled('async'), AFTER_MS);
  scheduled.unref();
}

/** The collection `largeTextHandled` scheduled, now (once: it is no longer scheduled). */
function collectScheduled(execution: 'async' | 'sync'): void {
  clearTimeout(scheduled);
  scheduled = undefined;
  void collect?.({ type: 'major', execution });
}

/**
 * A large message body has been read, and is about to be decoded. The stream's chunks it was copied from, as
 * large as the body, are garbage; collecting the young generation now (≈ 1 ms) frees them before the
 * message's work allocates on top of them. It also leaves the document text the body is decoded into in the
 * young generation: when it is only compared and dropped (a file closed and opened again), the next young
 * collection frees it, instead of the next full one.
 */
export function largeBodyRead(): void {
  collect?.({ type: 'minor' });
}

/**
 * A large text is about to be parsed: first drop what an earlier large text left behind, if that is not collected
 * yet (a file closed and opened again at once, which the editor does on a reload). A CDKTF stack is parsed again
 * when opened again, and its old tree waited for the next full collection: the 5,000-construct TypeScript stack
 * opened again peaked at 190 MB, now 163 MB. (Not for an HCL file whose parse the module index kept: opening it
 * again takes that parse back, and a full collection then only made the peak higher.)
 */
export function beforeLargeText(length: number): void {
  if (collect && isLargeText(length) && scheduled) collectScheduled('sync');
}
