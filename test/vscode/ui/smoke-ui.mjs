// Proves the UI helper end to end in a real workbench: open the fixture's .tf file from the Explorer,
// type, Ctrl+Space, read the suggest rows, screenshot; then a broken JSON file (built-in JSON language
// server) through Quick Open to see an error squiggle. Usage: node test/vscode/ui/smoke-ui.mjs [out-dir]
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../host/code-server.mjs';
import { withWorkbench } from './workbench.mjs';

const outDir = path.resolve(process.argv[2] ?? path.join(REPO, 'out/test/vscode/ui'));
const started = Date.now();
try {
  await withWorkbench({}, async (wb) => {
    await wb.openFileFromExplorer('main.tf');
    await wb.press('Control+End');
    await wb.type('\n# typed by smoke-ui\nresource "alicloud_vpc_bgp_peer" "typed" {\n  bgp');
    const rows = await wb.triggerSuggest();
    console.log(`suggestions: ${JSON.stringify(rows)}`);
    assert.ok(rows.length > 0, 'the suggest widget shows rows');
    console.log(`screenshot: ${await wb.screenshot(path.join(outDir, 'smoke-ui-tf.png'))}`);
    await wb.press('Escape');
    assert.match(await wb.editorText(), /# typed by smoke-ui/);

    fs.writeFileSync(wb.file('broken.json'), '{\n  "a": 1,,\n}\n');
    await wb.openFile('broken.json');
    const errors = await wb.waitForSquiggle('error');
    console.log(`error squiggles in broken.json: ${errors}`);
    console.log(`screenshot: ${await wb.screenshot(path.join(outDir, 'smoke-ui-squiggle.png'))}`);
  });
  console.log(`(ui smoke took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log('ui: 1 passed, 0 failed');
} catch (e) {
  console.error(e.stack ?? e);
  console.log('ui: 0 passed, 1 failed');
  process.exit(1);
}
