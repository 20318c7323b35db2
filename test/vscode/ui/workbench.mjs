// UI-test helper, driven from plain Node (outside the extension host): a real VS Code workbench
// (code-server + headless Chromium) with the extension under development loaded, on a scratch
// copy of a workspace. Drives it like a person: open a file, type, Ctrl+Space, read the suggest
// widget, wait for squiggles, take screenshots. Selectors are VS Code 1.100's DOM.
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, atExit, consoleForwarder, hostProblem, launchChromium, makeScratch, removeScratch, seedSettings,
  startCodeServer, workbenchUrl,
} from '../host/code-server.mjs';

// Typing must land exactly as written: no auto-closed brackets/quotes, no suggest popup that an
// Enter would accept. Override per test with openWorkbench({ settings }).
const UI_SETTINGS = {
  'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoSurround': 'never',
  'editor.quickSuggestions': { other: false, comments: false, strings: false }, 'editor.suggestOnTriggerCharacters': false,
  'editor.minimap.enabled': false, 'workbench.editor.enablePreview': false, 'explorer.compactFolders': false, 'chat.commandCenter.enabled': false,
};
const SQUIGGLE = { error: '.squiggly-error', warning: '.squiggly-warning', info: '.squiggly-info' };

/**
 * Starts code-server + Chromium on a scratch copy of `workspace` with the extension loaded and
 * waits until the Explorer shows the folder. Returns a Workbench; always `await wb.close()`.
 */
export async function openWorkbench({
  workspace = path.join(REPO, 'test/vscode/workspace'), extensionDevelopmentPath = REPO,
  settings = {}, viewport = { width: 1280, height: 800 }, timeoutMs = 60000,
} = {}) {
  const problem = hostProblem();
  if (problem) throw new Error(problem);
  const scratch = makeScratch('vsc-ui-');
  const unregister = atExit(() => removeScratch(scratch)); // even if the test script is interrupted
  const folder = path.join(scratch, 'workspace');
  fs.cpSync(workspace, folder, { recursive: true }); // typed text gets saved: never touch the fixture
  const userDataDir = path.join(scratch, 'ud');
  seedSettings(userDataDir, { ...UI_SETTINGS, ...settings });
  const server = await startCodeServer({ folder, scratch, userDataDir });
  const wb = new Workbench(server, scratch, folder, unregister);
  try {
    wb.browser = await launchChromium({ viewport });
    wb.page = wb.browser.page;
    wb.page.setDefaultTimeout(timeoutMs);
    const fwd = consoleForwarder((line) => {
      wb.consoleLines.push(line);
      if (process.env.VSCODE_HOST_VERBOSE === '1') process.stderr.write(`[vscode] ${line}\n`);
    });
    wb.page.on('console', fwd.forward);
    wb.url = workbenchUrl(server, { folder, extensionDevelopmentPath });
    await wb.page.goto(wb.url);
    await wb.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    await wb.waitForExtensionsActivated();
    return wb;
  } catch (e) {
    await wb.close();
    throw e;
  }
}

export class Workbench {
  constructor(server, scratch, folder, unregister) {
    this.server = server; this.scratch = scratch; this.workspace = folder; this.unregister = unregister;
    this.consoleLines = []; // extension host + workbench log lines seen so far
    this.page = null; this.browser = null; this.url = null;
  }

  /** Waits until the status bar no longer shows "Activating Extensions..." (best effort: it may not have shown yet). */
  async waitForExtensionsActivated({ timeoutMs = 30000 } = {}) {
    await this.page.waitForFunction(() => !/Activating Extensions/.test(document.querySelector('.part.statusbar')?.innerText ?? ''),
      null, { timeout: timeoutMs });
  }

  /** Absolute path of a workspace-relative file in the scratch copy (to read what got saved). */
  file(rel) { return path.join(this.workspace, rel); }

  /**
   * The text of workspace file `rel` once it holds `pattern`, or as it is after 5 s. The editor shows a file
   * saved a moment before the remote file system has written all of it (a CI run once read it empty).
   */
  async savedText(rel, pattern) {
    let text = '';
    for (let tries = 0; tries < 50; tries++) {
      text = fs.readFileSync(this.file(rel), 'utf8');
      if (pattern.test(text)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return text;
  }

  /** Opens a workspace file by clicking through the Explorer tree (expands folders on the way). */
  async openFileFromExplorer(rel) {
    const parts = rel.split('/');
    let parent = -1; // data-index of the folder row found so far; its children follow it, one level deeper
    for (const [i, name] of parts.entries()) {
      const found = await this.page.waitForFunction(([parentIndex, level, label]) => {
        const rows = [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')]
          .sort((a, b) => a.dataset.index - b.dataset.index);
        for (const r of rows) {
          if (+r.dataset.index <= parentIndex) continue;
          const rowLevel = +r.getAttribute('aria-level');
          if (rowLevel < level) break; // past the parent folder's subtree
          if (rowLevel === level && r.querySelector('.label-name')?.textContent === label) {
            return { index: +r.dataset.index, expanded: r.getAttribute('aria-expanded') === 'true' };
          }
        }
        return false;
      }, [parent, i + 1, name]);
      const { index, expanded } = await found.jsonValue();
      const row = this.page.locator(`.explorer-folders-view .monaco-list-row[data-index="${index}"]`);
      if (i < parts.length - 1) { if (!expanded) await row.click(); } else await row.dblclick(); // dblclick: pinned + focused
      parent = index;
    }
    await this.waitForEditor(rel);
  }

  /** Opens a workspace file through Quick Open (Ctrl+P). */
  async openFile(rel) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(rel);
    const name = path.basename(rel); // wait for the file's own row, not a "recently opened" one
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.waitForEditor(rel);
  }

  /** Waits until the active tab shows workspace file `rel` (by full path) and its editor has keyboard focus. */
  async waitForEditor(rel) {
    const label = `.tabs-container .tab.active .monaco-icon-label[aria-label=${JSON.stringify(this.file(rel))}]`;
    await this.page.locator(label).waitFor();
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
  async goTo(line, column = 1) {
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').fill(`:${line}:${column}`); // ':' is Go to Line's quick-access prefix
    await this.page.keyboard.press('Enter');
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Types text at the cursor as keystrokes ("\n" presses Enter). */
  async type(text) { await this.page.keyboard.type(text, { delay: 10 }); }

  /** Presses one key or chord, Playwright-style: 'Enter', 'Control+S', 'Escape'. */
  async press(key) { await this.page.keyboard.press(key); }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty (written to disk). */
  async save() {
    // The tab turns dirty a moment after typing; VS Code clears it only once the file is written.
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 3000 }).catch(() => {});
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
  }

  /** Ctrl+Space, then the suggest widget's rows (labels) once it shows; [] if it shows "No suggestions". */
  async triggerSuggest({ timeoutMs = 15000 } = {}) {
    await this.page.keyboard.press('Control+Space');
    // Settled = rows rendered, or the "No suggestions." message (not "Loading...").
    await this.page.waitForFunction(() => {
      const w = document.querySelector('.editor-widget.suggest-widget.visible');
      const msg = w?.querySelector('.message');
      return !!w && (!!w.querySelector('.monaco-list-row') || (msg?.style.display !== 'none' && /no suggestions/i.test(msg.textContent)));
    }, null, { timeout: timeoutMs });
    return this.suggestions();
  }

  /** Labels of the suggest widget's rendered rows (only the visible ones: it is a virtual list). */
  async suggestions() {
    const read = () => this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name').allTextContents();
    let rows = await read();
    for (let i = 0; i < 20; i++) { // rows render over a few frames: read until two reads agree
      await this.page.waitForTimeout(50);
      const again = await read();
      if (JSON.stringify(again) === JSON.stringify(rows)) break;
      rows = again;
    }
    return rows;
  }

  /** Waits for at least one squiggle ('error' | 'warning' | 'info' | 'any'); returns how many are shown. */
  async waitForSquiggle(kind = 'any', { timeoutMs = 30000 } = {}) {
    const kinds = kind === 'any' ? Object.keys(SQUIGGLE) : [kind];
    if (!kinds.every((k) => SQUIGGLE[k])) throw new Error(`unknown squiggle kind ${kind}`);
    const all = this.page.locator(kinds.map((k) => `.editor-instance ${SQUIGGLE[k]}`).join(', '));
    await all.first().waitFor({ state: 'attached', timeout: timeoutMs });
    return all.count();
  }

  /** Squiggles shown right now, by kind: { error, warning, info }. */
  async squiggles() {
    const out = {};
    for (const [k, sel] of Object.entries(SQUIGGLE)) out[k] = await this.page.locator(`.editor-instance ${sel}`).count();
    return out;
  }

  /**
   * Text of the hover at the cursor (Ctrl+K Ctrl+I), or '' if none within timeoutMs. Asks again every
   * 2 s: a language server that is still starting answers the first request with nothing.
   */
  async hoverAtCursor({ timeoutMs = 15000 } = {}) {
    const settled = () => {
      const el = document.querySelector('.monaco-hover:not(.hidden) .monaco-hover-content');
      const text = el?.innerText.trim() ?? '';
      return text && !/^Loading\.\.\.$/.test(text) ? text : false;
    };
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      const wait = Math.min(2000, Math.max(1, deadline - Date.now()));
      try { return await (await this.page.waitForFunction(settled, null, { timeout: wait })).jsonValue(); } catch { /* ask again */ }
    }
    return '';
  }

  /** Visible lines of the active editor, top to bottom (the editor only renders what is on screen). */
  async editorText() {
    return this.page.evaluate(() => {
      const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
    });
  }

  /** PNG screenshot of the whole window to `file` (folders created). */
  async screenshot(file) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Closes Chromium, kills code-server's process group, deletes the scratch folder. Safe to call twice. */
  async close() {
    await this.browser?.browser.close().catch(() => {});
    this.browser = null;
    await this.server.stop();
    removeScratch(this.scratch);
    this.unregister();
  }
}

/** Runs fn(wb) with a fresh workbench and always tears it down. */
export async function withWorkbench(options, fn) {
  const wb = await openWorkbench(options);
  try { return await fn(wb); } finally { await wb.close(); }
}
