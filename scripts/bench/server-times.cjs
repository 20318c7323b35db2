// `npm run bench -- --server-times`: preloaded into the server (`node --require`), it timestamps, inside the
// server process, the stdin chunk that carries each didChange and the stdout write that carries the
// publishDiagnostics of that version, and reads how long the main thread has waited for a core so far
// (Linux: /proc/self/task/<pid>/schedstat, field 2). Written as JSON to $BENCH_SERVER_TIMES at exit.
// Diagnostic only: without --server-times nothing is preloaded; with it, the Terraform sessions' figures include
// the hook's own small cost (a regular expression and a /proc read per message).
// Each entry also carries the system-wide monotonic clock (`process.hrtime`, in ms), which the benchmark's client
// reads too: the two processes' times can then be subtracted, to split a keystroke into its way to the server,
// the server's own time, and its way back.
const fs = require('fs');
const { performance } = require('perf_hooks');

const out = process.env.BENCH_SERVER_TIMES;
if (out) {
  const changes = []; // [version, ms, waited ms, monotonic ms]
  const publishes = []; // [version, ms, waited ms, monotonic ms]
  const mono = () => Number(process.hrtime.bigint()) / 1e6;
  let sched;
  try {
    sched = fs.openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
  } catch {
    sched = undefined;
  }
  const buf = Buffer.alloc(128);
  const waited = () => {
    if (sched === undefined) return NaN;
    const n = fs.readSync(sched, buf, 0, buf.length, 0);
    return Number(buf.toString('latin1', 0, n).split(' ')[1]) / 1e6;
  };
  const emit = process.stdin.emit;
  process.stdin.emit = function (event, chunk, ...rest) {
    if (event === 'data' && chunk) {
      const m = /"method":"textDocument\/didChange".*?"version":(\d+)/.exec(chunk.toString('latin1'));
      if (m) changes.push([Number(m[1]), performance.now(), waited(), mono()]);
    }
    return emit.call(this, event, chunk, ...rest);
  };
  const write = process.stdout.write;
  process.stdout.write = function (chunk, ...rest) {
    const result = write.call(this, chunk, ...rest);
    const head = typeof chunk === 'string' ? chunk.slice(0, 400) : Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.length, 400)).toString('latin1');
    const m = /"method":"textDocument\/publishDiagnostics".*?"version":(\d+)/.exec(head);
    if (m) publishes.push([Number(m[1]), performance.now(), waited(), mono()]);
    return result;
  };
  process.on('exit', () => fs.writeFileSync(out, JSON.stringify({ changes, publishes })));
}
