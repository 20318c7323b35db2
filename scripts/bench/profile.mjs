// Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function, and total (inclusive) time
// for the functions that matter, so BENCHMARKS.md can say where the time goes.
//   node scripts/bench/profile.mjs FILE.cpuprofile [TOP]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export function summarizeProfile(file, top = 15) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = (prof.timeDeltas[i] ?? 0) / 1000;
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + dt);
  }
  const label = (n) => {
    const cf = n.callFrame;
    const where = cf.url ? `${path.basename(cf.url)}:${cf.lineNumber + 1}` : '';
    return `${cf.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
  };
  const selfBy = new Map();
  const totalBy = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, t] of self) {
    const n = byId.get(id);
    total += t;
    if (n.callFrame.functionName === '(idle)') idle += t;
    const k = label(n);
    selfBy.set(k, (selfBy.get(k) ?? 0) + t);
    // Inclusive time: every distinct function on the stack gets the sample once.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const lk = label(byId.get(cur));
      if (seen.has(lk)) continue;
      seen.add(lk);
      totalBy.set(lk, (totalBy.get(lk) ?? 0) + t);
    }
  }
  const busy = total - idle;
  const sortTop = (m) => [...m.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, top);
  const selfTop = sortTop(selfBy).map(([k, t]) => ({ fn: k, ms: t, pct: (100 * t) / busy }));
  const totalTop = sortTop(totalBy).map(([k, t]) => ({ fn: k, ms: t, pct: (100 * t) / busy }));
  const gc = selfBy.get('(garbage collector)') ?? 0;
  const text = [
    `busy ${busy.toFixed(0)} ms (idle ${idle.toFixed(0)} ms), GC ${gc.toFixed(0)} ms`,
    'self time:',
    ...selfTop.map((x) => `  ${x.ms.toFixed(0).padStart(6)} ms ${x.pct.toFixed(1).padStart(5)}%  ${x.fn}`),
    'total (inclusive) time:',
    ...totalTop.map((x) => `  ${x.ms.toFixed(0).padStart(6)} ms ${x.pct.toFixed(1).padStart(5)}%  ${x.fn}`),
  ].join('\n');
  return { busyMs: busy, idleMs: idle, gcMs: gc, self: selfTop, total: totalTop, text };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = summarizeProfile(process.argv[2], Number(process.argv[3] ?? 25));
  console.log(r.text);
}
