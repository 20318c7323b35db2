// Bundles the extension client, the language server and the CLI with esbuild (dist/*.js, no node_modules needed).
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
// V8 keeps a script's source for as long as it runs, at one byte per character unless one character is past
// U+00FF: then at two, and the language server's 0.7 MB bundle took 1.4 MB of its memory for good. Escape
// such characters in the sources (`\u03bc`), or keep them out of comments that reach the bundle.
for (const file of ['dist/server.js', 'dist/cli.js']) {
  const text = fs.readFileSync(file, 'utf8');
  const wide = /[^\u0000-\u00ff]/.exec(text);
  if (wide) {
    const line = text.slice(0, wide.index).split('\n').length;
    console.error(`${file}:${line}: the character ${JSON.stringify(wide[0])} (U+${wide[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}) makes V8 hold the whole bundle at two bytes per character`);
    process.exit(1);
  }
}
console.log(`built dist/extension.js, dist/server.js, dist/cli.js${production ? ' (production)' : ''}`);
