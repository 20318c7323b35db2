/**
 * The server's code lenses run VS Code's `editor.action.showReferences` with the protocol's JSON (a URI string, a
 * position, locations), as an LSP server must send them; that command takes VS Code's types, and
 * vscode-languageclient passes a lens's command arguments through as they came. Made VS Code's here.
 */
import type * as vscode from 'vscode';
import type { Location as LspLocation, Position as LspPosition } from 'vscode-languageclient/node';

export const SHOW_REFERENCES = 'editor.action.showReferences';

/** What is needed of vscode-languageclient's `protocol2CodeConverter`. */
export interface ToCode {
  asUri(value: string): vscode.Uri;
  asPosition(value: LspPosition): vscode.Position;
  asLocation(value: LspLocation): vscode.Location;
}

/** The lens with its showReferences arguments as VS Code's types (other lenses, and ones already converted, as they are). */
export function withCodeArguments<T extends vscode.CodeLens | null | undefined>(lens: T, c: ToCode): T {
  const command = lens?.command;
  const args = command?.arguments;
  if (command?.command !== SHOW_REFERENCES || !args || typeof args[0] !== 'string' || !Array.isArray(args[2])) return lens;
  command.arguments = [c.asUri(args[0]), c.asPosition(args[1] as LspPosition), (args[2] as LspLocation[]).map((l) => c.asLocation(l))];
  return lens;
}
