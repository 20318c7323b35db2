// Through the real workbench UI in Chromium, as a person would: type a BGP peer into a .tf file, see the
// suggestion list, see the squiggles, read the hover, open the quick fix menu and apply a fix, run
// "Import existing BGP peer…" from the command palette (with a rejected ID first). Screenshots of each step
// go to out/test/vscode/ui/ (or to UI_SCREENSHOTS_DIR: `npm run screenshots` writes the README's images/).
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO } from '../host/code-server.mjs';
import { openWorkbench } from './workbench.mjs';

const shots = path.resolve(process.env.UI_SCREENSHOTS_DIR ?? path.join(REPO, 'out/test/vscode/ui'));
// The README shows these (`npm run screenshots` refreshes them in images/); test runs save every step.
const README_SHOTS = ['completion.png', 'hover.png', 'quickfix.png', 'import-rejected.png', 'import.png'];
const shot = async (wb, name) => {
  if (process.env.UI_SCREENSHOTS_DIR && !README_SHOTS.includes(name)) return;
  console.log(`      screenshot: ${path.relative(REPO, await wb.screenshot(path.join(shots, name)))}`);
};

/** Text of a visible widget (the action menu, the quick input…), '' if none. */
const widgetText = (wb, selector) => wb.page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((e) => e.offsetParent !== null).map((e) => e.innerText).join('\n'), selector);

describe('the real workbench UI (Chromium)', function () {
  this.timeout(120000);
  let wb;
  before(async () => {
    // autoIndent off: typed text lands exactly as written.
    wb = await openWorkbench({ settings: { 'editor.autoIndent': 'none' }, viewport: { width: 1200, height: 720 } });
    await wb.openFileFromExplorer('ui/main.tf');
    await wb.press('Control+End');
  });
  after(async () => wb?.close());

  it('typing in a .tf file: the suggestion list offers the peer\'s arguments', async () => {
    await wb.type('\nresource "alicloud_vpc_bgp_peer" "edge" {\n  bgp_group_id = alicloud_vpc_bgp_group.dc.id\n  ');
    const rows = await wb.triggerSuggest();
    for (const want of ['peer_ip_address', 'enable_bfd', 'bfd_multi_hop', 'ip_version']) assert.ok(rows.includes(want), `${want} in ${rows}`);
    assert.ok(!rows.includes('bgp_group_id'), 'already written');
    await shot(wb, 'completion.png');
    await wb.press('Escape');
  });

  it('a mistake gets its squiggle', async () => {
    await wb.type('bfd_multi_hop = 300\n}\n');
    const errors = await wb.waitForSquiggle('error');
    assert.ok(errors >= 1);
    await wb.waitForSquiggle('warning'); // no effect without enable_bfd
    await wb.save();
    assert.match(await wb.savedText('ui/main.tf', /bfd_multi_hop = 300\n\}/), /bfd_multi_hop = 300\n\}/);
    await shot(wb, 'squiggle.png');
  });

  it('hovering an argument explains it', async () => {
    await wb.goTo(9, 5); // on bfd_multi_hop
    assert.notEqual(await wb.hoverAtCursor(), '');
    // The problem shows first; the server's explanation joins it.
    await wb.page.waitForFunction(() => /1.{1,3}255/.test(document.querySelector('.monaco-hover:not(.hidden)')?.innerText ?? ''));
    const text = await widgetText(wb, '.monaco-hover:not(.hidden)');
    assert.match(text, /bfd_multi_hop/);
    assert.match(text, /no effect without enable_bfd/);
    await shot(wb, 'hover.png');
    await wb.press('Escape');
  });

  it('the quick fix menu offers fixes, and one applies', async () => {
    await wb.goTo(9, 5); // on bfd_multi_hop, which has no effect without enable_bfd
    await wb.press('Control+.');
    await wb.page.waitForFunction(() => [...document.querySelectorAll('.action-widget')].some((e) => e.offsetParent !== null && /enable_bfd|255/.test(e.innerText)));
    const menu = await widgetText(wb, '.action-widget');
    assert.match(menu, /enable_bfd = true/);
    assert.match(menu, /Import existing BGP peer/);
    await shot(wb, 'quickfix.png');
    // Pick "Set enable_bfd = true" with the keyboard.
    const items = menu.split('\n').map((s) => s.trim()).filter(Boolean);
    const index = items.filter((s) => !/^(Quick Fix|More Actions|Refactor)/i.test(s)).findIndex((s) => /enable_bfd = true/.test(s));
    for (let i = 0; i < index; i++) await wb.press('ArrowDown');
    await wb.press('Enter');
    await wb.page.waitForFunction(() => /enable_bfd\s+= true/.test(document.querySelector('.editor-instance .view-lines')?.innerText.replace(/\u00a0/g, ' ') ?? ''));
    await wb.page.waitForFunction(() => document.querySelectorAll('.editor-instance .squiggly-warning').length === 0);
  });

  it('"Import existing BGP peer…" from the command palette: a bad ID is refused, a good one imported', async () => {
    await wb.press('Control+End');
    await wb.press('F1');
    await wb.page.locator('.quick-input-widget input').fill('>Import existing BGP peer');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Import existing BGP peer' }).waitFor();
    await wb.press('Enter');
    const input = wb.page.locator('.quick-input-widget input');
    await wb.page.locator('.quick-input-widget', { hasText: 'Import existing BGP peer (1/3)' }).waitFor();
    await input.fill('bgp-1x; rm -rf ~');
    await wb.page.waitForFunction(() => /not allowed/.test(document.querySelector('.quick-input-message')?.innerText ?? ''));
    assert.match(await widgetText(wb, '.quick-input-message'), /";" \(character 7\) is not allowed/);
    await shot(wb, 'import-rejected.png');
    await wb.press('Enter'); // refused: the box stays
    await input.fill('bgp-2zev8h2uxpbn0imported1');
    await wb.press('Enter');
    await wb.page.locator('.quick-input-widget', { hasText: 'Import existing BGP peer (2/3)' }).waitFor();
    assert.equal(await input.inputValue(), 'imported');
    await wb.press('Enter');
    await wb.page.locator('.quick-input-widget', { hasText: 'Import existing BGP peer (3/3)' }).waitFor();
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Add an import block and a resource block to main.tf' }).waitFor();
    await shot(wb, 'import.png');
    await wb.press('Enter'); // the first choice: this file
    await wb.page.waitForFunction(() => /to = alicloud_vpc_bgp_peer\.imported/.test(document.querySelector('.editor-instance .view-lines')?.innerText.replace(/\u00a0/g, ' ') ?? ''));
    await wb.save();
    const saved = await wb.savedText('ui/main.tf', /to = alicloud_vpc_bgp_peer\.imported/);
    assert.match(saved, /import \{\n {2}to = alicloud_vpc_bgp_peer\.imported\n {2}id = "bgp-2zev8h2uxpbn0imported1"\n\}/);
    assert.match(saved, /resource "alicloud_vpc_bgp_peer" "imported" \{\n {2}bgp_group_id = alicloud_vpc_bgp_group\.dc\.id/);
    await shot(wb, 'import-done.png');
  });
});
