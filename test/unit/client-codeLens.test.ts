// The client's conversion of a code lens's showReferences arguments from the protocol's JSON to VS Code's types
// (vscode-languageclient passes command arguments through as they came, and showReferences refuses JSON).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { SHOW_REFERENCES, withCodeArguments, type ToCode } from '../../client/src/codeLens';

/** A converter that tags what it made, standing in for vscode-languageclient's. */
const tagged: ToCode = {
  asUri: (v) => ({ uri: v }) as unknown as vscode.Uri,
  asPosition: (p) => ({ position: p }) as unknown as vscode.Position,
  asLocation: (l) => ({ location: l.uri }) as unknown as vscode.Location,
};

const lens = (command: string, args: unknown[]) => ({ range: {}, isResolved: true, command: { title: 't', command, arguments: args } }) as unknown as vscode.CodeLens;

test("showReferences's URI, position and locations become VS Code's", () => {
  const position = { line: 1, character: 2 };
  const location = { uri: 'file:///p.tf', range: { start: position, end: position } };
  const converted = withCodeArguments(lens(SHOW_REFERENCES, ['file:///m.tf', position, [location]]), tagged);
  assert.deepEqual(converted.command?.arguments, [{ uri: 'file:///m.tf' }, { position }, [{ location: 'file:///p.tf' }]]);
});

test('another command, arguments already converted, and no lens are left as they are', () => {
  const other = lens('something.else', ['file:///m.tf', {}, []]);
  assert.deepEqual(withCodeArguments(other, tagged).command?.arguments, ['file:///m.tf', {}, []]);
  const done = lens(SHOW_REFERENCES, [{ uri: 'x' }, {}, []]);
  assert.deepEqual(withCodeArguments(done, tagged).command?.arguments, [{ uri: 'x' }, {}, []]);
  assert.equal(withCodeArguments(undefined, tagged), undefined);
  assert.equal(withCodeArguments(null, tagged), null);
});
