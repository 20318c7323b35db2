/**
 * Renders neutral edits as JSON, for Terraform's JSON syntax (`.tf.json`): a value replaced, a key renamed, a member
 * removed with its comma (and its lines when it is alone on them), a member added after the body's last one, at its
 * indentation. JSON has no comments, so what lies between members is blanks and commas only: the text around a
 * member is read from the lines alone.
 */
import type { FixValue, NeutralEdit } from '../analysis/finding';
import type { Block, Position, Range, ResourceInstance } from '../model/types';
import { comparePositions, shiftRange } from '../model/types';
import { hclValue } from './hcl';
import type { LineSource, TextEdit, Writer } from './writer';

export const jsonWriter: Writer = {
  value: jsonValue,
  render(edits, instance, src) {
    const removed = edits.flatMap((e) => (e.kind === 'remove' ? [shiftRange(e.attribute.range, src.base)] : e.kind === 'removeBlock' ? [shiftRange(e.block.range, src.base)] : []));
    const rest = edits.filter((e) => e.kind !== 'remove' && e.kind !== 'removeBlock');
    return [...runsOf(removed, src).map((r) => removeMember(r, src)), ...rest.flatMap((e) => renderOne(e, instance, src))];
  },
};

/** A value as Terraform's JSON syntax writes it: a reference as a string of one interpolation. */
export function jsonValue(v: FixValue): string {
  return v.kind === 'reference' ? JSON.stringify('${' + hclValue(v) + '}') : v.kind === 'string' ? JSON.stringify(v.value) : String(v.value);
}

function renderOne(e: NeutralEdit, instance: ResourceInstance, src: LineSource): TextEdit[] {
  switch (e.kind) {
    case 'replaceValue':
      return [{ range: shiftRange(e.attribute.valueRange, src.base), newText: jsonValue(e.value) }];
    case 'rename':
      return [{ range: shiftRange(e.attribute.keyRange, src.base), newText: JSON.stringify(e.to) }];
    case 'remove':
    case 'removeBlock':
      return []; // with the others, `runsOf`
    case 'set': {
      const body = e.block ?? instance;
      const existing = body.attributes.find((a) => a.name === e.name);
      if (existing) return [{ range: shiftRange(existing.valueRange, src.base), newText: jsonValue(e.value) }];
      return [addMember(body, `${JSON.stringify(e.name)}: ${jsonValue(e.value)}`, src)];
    }
  }
}

/**
 * Members to remove, joined where they follow one another (`"a": 1, "a": 2`, a key written twice that one fix
 * removes): each removed apart would take the comma between them twice, in edits that overlap.
 */
function runsOf(ranges: Range[], src: LineSource): Range[] {
  const sorted = [...ranges].sort((a, b) => comparePositions(a.start, b.start));
  const runs: Range[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && follows(last.end, r.start, src)) runs[runs.length - 1] = { start: last.start, end: r.end };
    else runs.push(r);
  }
  return runs;
}

/** Is `next` where the member after one ending at `end` starts: past a comma and blanks only? */
function follows(end: Position, next: Position, src: LineSource): boolean {
  const comma = nextNonBlank(end, src);
  if (!comma || src.lineText(comma.line)[comma.character] !== ',') return false;
  const after = nextNonBlank({ line: comma.line, character: comma.character + 1 }, src);
  return !!after && after.line === next.line && after.character === next.character;
}

/**
 * Removes a member (or an element of a list) with the comma that separates it from the next one, else from the one
 * before; with its lines when nothing else is on them.
 */
function removeMember(r: Range, src: LineSource): TextEdit {
  const after = nextNonBlank(r.end, src);
  const blankBefore = src.lineText(r.start.line).slice(0, r.start.character).trim() === '';
  if (after && src.lineText(after.line)[after.character] === ',') {
    const comma = { line: after.line, character: after.character + 1 };
    const rest = src.lineText(comma.line).slice(comma.character);
    if (blankBefore && rest.trim() === '') return { range: { start: { line: r.start.line, character: 0 }, end: { line: comma.line + 1, character: 0 } }, newText: '' };
    return { range: { start: r.start, end: { line: comma.line, character: comma.character + (rest.length - rest.trimStart().length) } }, newText: '' };
  }
  const before = previousNonBlank(r.start, src);
  // The last member: the comma before it goes, and the blanks up to it, so that the closing brace keeps its place.
  if (before && src.lineText(before.line)[before.character] === ',') return { range: { start: before, end: r.end }, newText: '' };
  // The only member.
  if (blankBefore && src.lineText(r.end.line).slice(r.end.character).trim() === '') return { range: { start: { line: r.start.line, character: 0 }, end: { line: r.end.line + 1, character: 0 } }, newText: '' };
  return { range: r, newText: '' };
}

/**
 * Adds `member` (`"name": value`) to a body after its last member, on a line of its own at that member's indentation
 * when the body writes its members so, else on the same line; into an empty body, inside its braces.
 */
function addMember(body: ResourceInstance | Block, member: string, src: LineSource): TextEdit {
  const { start: open, end } = shiftRange(body.bodyRange, src.base);
  const close = { line: end.line, character: end.character - 1 };
  const last = previousNonBlank(close, src)!;
  const at = { line: last.line, character: last.character + 1 };
  const lastLine = src.lineText(last.line);
  if (last.line === open.line && last.character === open.character) {
    // `{}`: the member between the braces; `{` and `}` on lines of their own: on a line between them.
    if (close.line === open.line) return { range: { start: at, end: at }, newText: member };
    return { range: { start: at, end: at }, newText: `\n${indentOf(src.lineText(open.line))}${unitOf(open.line, src)}${member}` };
  }
  // The last member ends on a line of its own below the brace (`"a": 1` or a nested body's `}`): the new one likewise.
  const ownLine = last.line > open.line && close.line > last.line;
  return { range: { start: at, end: at }, newText: ownLine ? `,\n${indentOf(lastLine)}${member}` : `, ${member}` };
}

/**
 * One step of indentation, as the file writes it: the line after the body's `{` line against it, else the `{` line
 * against the line above (a body is nested in another), else two spaces.
 */
function unitOf(openLine: number, src: LineSource): string {
  const outer = indentOf(src.lineText(openLine));
  const inner = indentOf(src.lineText(openLine + 1));
  if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  const above = openLine > 0 ? indentOf(src.lineText(openLine - 1)) : '';
  return outer.length > above.length && outer.startsWith(above) ? outer.slice(above.length) : '  ';
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** A member is followed by a comma or a closing bracket, which a valid text has: the scan is bounded all the same. */
const MAX_BLANK_LINES = 10000;

/** The first character that is not a blank at or after `p`. */
function nextNonBlank(p: Position, src: LineSource): Position | undefined {
  for (let line = p.line, n = 0; n < MAX_BLANK_LINES; line++, n++) {
    const text = src.lineText(line);
    const from = line === p.line ? p.character : 0;
    const i = text.slice(from).search(/\S/);
    if (i >= 0) return { line, character: from + i };
  }
  return undefined;
}

/** The last character that is not a blank before `p`. */
function previousNonBlank(p: Position, src: LineSource): Position | undefined {
  for (let line = p.line, n = 0; line >= 0 && n < MAX_BLANK_LINES; line--, n++) {
    const text = src.lineText(line);
    const upTo = line === p.line ? p.character : text.length;
    const i = text.slice(0, upTo).trimEnd().length - 1;
    if (i >= 0) return { line, character: i };
  }
  return undefined;
}
