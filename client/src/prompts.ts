/**
 * The questions a command asks, behind one interface: the real one shows VS Code's input boxes and quick
 * picks; the scripted one (tests, other extensions) takes the answers from an object but applies the same
 * validation a user gets, so a rejected answer ends the command exactly as an unsubmittable input box would.
 */
import * as vscode from 'vscode';

export interface InputRequest {
  step: string;
  title: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  /** A message when the text cannot be accepted, else undefined. */
  validate: (text: string) => string | undefined;
}

export interface PickItem<K extends string = string> extends vscode.QuickPickItem {
  key: K;
}

export interface Prompter {
  /** The accepted text, or undefined when cancelled (or, scripted, rejected: see `rejection`). */
  input(req: InputRequest): Promise<string | undefined>;
  pick<K extends string>(step: string, title: string, items: PickItem<K>[], placeHolder?: string): Promise<K | undefined>;
  /** Set when a scripted answer failed validation: which step, and the message a user would have seen. */
  rejection?: { step: string; message: string };
}

export const windowPrompter: Prompter = {
  input: (req) =>
    Promise.resolve(
      vscode.window.showInputBox({
        title: req.title,
        prompt: req.prompt,
        value: req.value,
        valueSelection: req.value ? [0, req.value.length] : undefined,
        placeHolder: req.placeHolder,
        ignoreFocusOut: true,
        validateInput: (text) => req.validate(text),
      }),
    ),
  pick: async (_step, title, items, placeHolder) => (await vscode.window.showQuickPick(items, { title, placeHolder: placeHolder ?? title, ignoreFocusOut: true }))?.key,
};

/**
 * An answer: text, null to cancel (Escape), or a function producing one, called with what the box shows
 * (the input request, or the picked items' keys) to look at it or to act while the "box is open".
 */
export type Answer = string | null | ((shown: InputRequest | string[]) => string | null | Promise<string | null>);

export function scriptedPrompter(answers: Record<string, Answer | undefined>): Prompter {
  const p: Prompter = {
    async input(req) {
      const a = answers[req.step];
      const text = typeof a === 'function' ? await a(req) : a;
      if (text === null || text === undefined) return undefined;
      const message = req.validate(text);
      if (message !== undefined) {
        p.rejection = { step: req.step, message };
        return undefined;
      }
      return text;
    },
    async pick(step, _title, items) {
      const a = answers[step];
      const key = typeof a === 'function' ? await a(items.map((i) => i.key)) : a;
      if (key === null || key === undefined) return undefined;
      const item = items.find((i) => i.key === key);
      if (!item) {
        p.rejection = { step, message: `"${key}" is not offered here (offered: ${items.map((i) => i.key).join(', ')})` };
        return undefined;
      }
      return item.key;
    },
  };
  return p;
}
