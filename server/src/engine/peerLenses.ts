/**
 * The code lenses of a file: one on each virtual border router and BGP group it declares, saying how many groups
 * and peers reach it (`analysis/peerReach.ts`), and where those peers are declared in the module.
 * Read from the module context the diagnostics were computed with and the files' packed outlines: nothing is
 * analysed again.
 */
import type { AnalysisContext, Declared } from '../analysis/context';
import { peerLens, peerReach, peerShape, type PeerLens } from '../analysis/peerReach';
import type { Range } from '../model/types';
import type { SourceFile } from './sourceFile';

export interface PeerLensPlace {
  /** The block's name in its header (its outline entry's selection range, absolute). */
  range: Range;
  /** `type.name`. */
  address: string;
}

/**
 * Where the file's lenses go. None in an override file (its blocks change blocks declared elsewhere, which have
 * the lenses), nor in a file without an outline (a CDKTF program: its constructs have no address the lens could name).
 */
export function peerLensPlaces(file: SourceFile, ctx: AnalysisContext): PeerLensPlace[] {
  const shape = peerShape(ctx.schemas);
  if (!shape || file.isOverride || !file.forEachNamedDeclaration) return [];
  const out: PeerLensPlace[] = [];
  forEachResource(file, [shape.vbrType, shape.groupType], (address, range) => out.push({ range, address }));
  return out;
}

/** Each resource block of `file` of one of `types`, by its address and where its name is, from the file's outline. */
function forEachResource(file: SourceFile, types: readonly string[], visit: (address: string, range: Range) => void): void {
  const prefixes = types.map((t) => t + '.');
  file.forEachNamedDeclaration?.(
    (name) => prefixes.some((p) => name.startsWith(p)),
    (name, kind, range) => {
      if (kind === 'resource') visit(name, range);
    },
  );
}

/** The lens of the block of this address: its title and the peers it shows. */
export function peerLensOf(address: string, ctx: AnalysisContext): PeerLens | undefined {
  const reach = peerReach(ctx);
  return reach && peerLens(reach, address);
}

/** Where each block of one type is declared in a module's files: `type.name` to its places (two for a name declared twice). */
export type Places = Map<string, { uri: string; range: Range }[]>;

/**
 * The declarations of `type` in the module's files (`files`: uri and file, override files left out), read from
 * their outlines in one walk: a lens shown resolves from it in time proportional to its peers, where reading
 * the outlines for each lens took 1.5 to 3.5 ms a lens in the 100,000-line module.
 */
export function placesOf(type: string, files: readonly [string, SourceFile][]): Places {
  const out: Places = new Map();
  for (const [uri, file] of files) {
    if (file.isOverride) continue;
    forEachResource(file, [type], (address, range) => {
      const list = out.get(address);
      if (list) list.push({ uri, range });
      else out.set(address, [{ uri, range }]);
    });
  }
  return out;
}

/** Where the peers are declared, in their order. An unnamed block (a CDKTF construct kept in no variable) is nowhere to show. */
export function peerLocations(peers: readonly Declared[], places: Places): { uri: string; range: Range }[] {
  const out: { uri: string; range: Range }[] = [];
  const seen = new Set<string>();
  for (const p of peers) {
    const address = `${p.type}.${p.name}`;
    // A name declared twice is one entry of the context's list per block, and both places come with the first.
    if (!p.name || seen.has(address)) continue;
    seen.add(address);
    for (const place of places.get(address) ?? []) out.push(place);
  }
  return out;
}
