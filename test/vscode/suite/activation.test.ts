// Activation is cheap: activate() only starts the server (without waiting for it) and registers two
// commands. Measured here, in a real extension host; the numbers go to out/test/vscode/activation.json
// for the benchmark report.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('is cheap: activate() returns in milliseconds; the server is ready soon after', async () => {
    const a = await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const result = { activationMs: +a.activationMs.toFixed(2), serverReadyMs: +a.serverReadyMs().toFixed(1), extensionPath: ext.extensionPath };
    console.log(`activation: activate() took ${result.activationMs} ms; server ready ${result.serverReadyMs} ms after activation`);
    assert.ok(a.activationMs < 50, `activate() took ${a.activationMs} ms`);
    assert.ok(a.serverReadyMs() < 10000, `the server took ${a.serverReadyMs()} ms to start`);
    if (process.env.VSCODE_ACTIVATION_OUT) {
      fs.mkdirSync(path.dirname(process.env.VSCODE_ACTIVATION_OUT), { recursive: true });
      fs.writeFileSync(process.env.VSCODE_ACTIVATION_OUT, JSON.stringify(result, null, 2));
    }
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['alicloudBgp.importBgpPeer', 'alicloudBgp.restartServer']) assert.ok(commands.includes(c), c);
  });
});
