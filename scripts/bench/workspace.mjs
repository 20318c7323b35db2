// Opening a large workspace: the server indexes every .tf file of its folders in the background.
// Measured from `initialized` to the server's "indexed N .tf files" log line, then the memory it holds,
// then how long the first diagnostics of a file take while the index is in place.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startSession } from './lsp.mjs';

export async function workspaceBench(serverPath, dir, files, timeoutMs = 180000) {
  const started = performance.now();
  const s = await startSession({ serverPath, workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'bench' }] });
  try {
    const deadline = Date.now() + timeoutMs;
    let match;
    while (!(match = s.logs.map((l) => /indexed (\d+) \.tf files in (\d+) ms/.exec(l)).find(Boolean))) {
      if (Date.now() > deadline) return { error: `no "indexed" log line within ${timeoutMs} ms` };
      await new Promise((r) => setTimeout(r, 10));
    }
    const wallMs = performance.now() - started;
    const memory = s.memory();
    const file = files[Math.floor(files.length / 2)];
    const opened = await s.open(pathToFileURL(file).toString(), 'terraform', fs.readFileSync(file, 'utf8'));
    return { files: Number(match[1]), indexMs: Number(match[2]), wallMs, rssMB: memory.rss, peakMB: memory.hwm, openMs: opened.ms };
  } finally {
    await s.stop();
  }
}
