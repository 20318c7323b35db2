/**
 * Checks module folders on several threads: the main thread and `threads - 1` workers take the next
 * unchecked folder from one shared counter until none is left, so a slow folder or a late-starting worker
 * never leaves a thread idle. Each folder's outcomes are stored at the folder's index, so the merged result
 * does not depend on which thread checked what. Workers run the CLI bundle itself (`entry`), which hands
 * them to `runWorkerJob` (see `main.ts`): no second bundle to build or ship.
 */
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { defaultSchemas } from '../schema/registry';
import { checkModule, FixOptions, Outcome } from './check';

const JOB = 'alicloud-bgp-check/modules';

interface Job {
  kind: typeof JOB;
  groups: string[][];
  /** `next[0]`: the index of the next folder to take (shared by every thread, taken with `Atomics.add`). */
  next: Int32Array;
  /** The folders named on the command line, where root modules calling a checked module are looked for. */
  roots: string[];
  /** `--fix`: write the safe fixes first. */
  fix?: FixOptions;
}

/**
 * Below this many bytes, starting a worker costs more than it saves: a bare worker answers after ≈ 25 ms, one
 * loading the bundle starts checking 40–70 ms after the main thread.
 */
const MIN_PARALLEL_BYTES = 512 * 1024;
const MAX_THREADS = 8;

/**
 * How many threads to use: `ALICLOUD_BGP_CHECK_THREADS` when set (1 = never start a worker), else one per
 * two cores, when there are several folders and enough bytes to pay for starting workers. One checking
 * thread already keeps about 1.5 cores busy, its garbage collection running on V8's helper threads (1.8 s
 * of CPU in 1.25 s on the benchmark's 1,000-file folder). On a 2-vCPU machine a second checking thread made
 * the run slower (median 1.42 s against 1.29 s when two busy processes did scale to both vCPUs), each thread
 * then taking 1.6× longer per folder, with 25 % more time in GC pauses in total.
 */
export function threadsFor(
  groups: number,
  bytes: () => number,
  env = process.env.ALICLOUD_BGP_CHECK_THREADS,
  cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
): number {
  const forced = env ? Number.parseInt(env, 10) : NaN;
  if (forced >= 1) return Math.min(forced, Math.max(groups, 1), MAX_THREADS);
  const threads = Math.min(Math.floor(cores / 2), groups, MAX_THREADS);
  // `bytes` stats every file: only asked when a worker could be started at all.
  return threads >= 2 && bytes() >= MIN_PARALLEL_BYTES ? threads : 1;
}

export interface Checked {
  /** Each folder's outcomes, by folder index. */
  outcomes: Outcome[][];
  /** Which thread checked each folder: 0 the main thread, 1… the workers (for tests and tuning). */
  checkedBy: number[];
}

/**
 * Checks every folder on `threads` threads (the main thread and `threads - 1` workers running `entry`).
 * `mainThreadChecks: false` leaves all folders to the workers, so a test can tell that they did the work.
 */
export async function checkModules(
  groups: string[][],
  threads: number,
  entry: string,
  { mainThreadChecks = true, roots = [] as string[], fix = undefined as FixOptions | undefined } = {},
): Promise<Checked> {
  const outcomes: Outcome[][] = new Array(groups.length);
  const checkedBy: number[] = new Array(groups.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const job: Job = { kind: JOB, groups, next, roots, fix };
  const workers: Promise<[number, Outcome[]][]>[] = [];
  for (let i = 1; i < threads; i++) workers.push(startWorker(entry, job));
  const store = (thread: number) => ([g, o]: [number, Outcome[]]) => {
    outcomes[g] = o;
    checkedBy[g] = thread;
  };
  if (mainThreadChecks || workers.length === 0) drain(job).forEach(store(0));
  (await Promise.all(workers)).forEach((done, i) => done.forEach(store(i + 1)));
  return { outcomes, checkedBy };
}

/** Takes folders from the shared counter until there are none left. */
function drain(job: Job): [number, Outcome[]][] {
  const schemas = defaultSchemas();
  const done: [number, Outcome[]][] = [];
  for (let g = Atomics.add(job.next, 0, 1); g < job.groups.length; g = Atomics.add(job.next, 0, 1)) {
    done.push([g, checkModule(job.groups[g], schemas, job.roots, job.fix)]);
  }
  return done;
}

function startWorker(entry: string, job: Job): Promise<[number, Outcome[]][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: job,
      stdout: false,
      stderr: false,
    });
    // Its one message is the whole result: neither the promise nor the process waits for the isolate's
    // teardown (10–40 ms).
    worker.once('message', (done: [number, Outcome[]][]) => {
      worker.unref();
      resolve(done);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a checking thread stopped (exit code ${code}) before reporting`)));
  });
}

/** True inside a worker started by `checkModules`. */
export function isWorkerJob(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.kind === JOB;
}

/** A worker's whole life: check folders until none is left, then report them to the main thread. */
export function runWorkerJob(): void {
  parentPort!.postMessage(drain(workerData as Job));
}
