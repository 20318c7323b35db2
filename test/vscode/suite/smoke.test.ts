// Smoke: the extension under development is loaded by a real VS Code extension host,
// a .tf file from the workspace opens as `terraform`, and the extension activates.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'bgp-tooling.alicloud-bgp-peer';

async function waitFor(what: string, check: () => boolean, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('smoke: extension in a real VS Code', () => {
  it('is present in the extension host', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    assert.strictEqual(ext.packageJSON.main, './dist/extension.js');
  });

  it('opens a workspace .tf file as terraform and activates', async () => {
    const [uri] = await vscode.workspace.findFiles('**/*.tf', undefined, 1);
    assert.ok(uri, 'the workspace has a .tf file');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'terraform');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('the extension is active', () => ext.isActive);
  });
});
