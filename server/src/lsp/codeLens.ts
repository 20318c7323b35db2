/**
 * Code lenses on virtual border routers and BGP groups (`engine/peerLenses.ts`). The request answers where they go,
 * naming each block by its address; the client resolves the ones it shows, which makes their titles and the
 * command that lists the peers, as TypeScript's reference lens does.
 */
import type { CodeLens, Command, Location } from 'vscode-languageserver/node';
import type { AnalysisContext } from '../analysis/context';
import { peerLensOf, peerLensPlaces, peerLocations, type Places } from '../engine/peerLenses';
import type { SourceFile } from '../engine/sourceFile';

/**
 * VS Code's own command (what its reference lenses run), given the document, the position and the locations.
 * Its arguments are the protocol's JSON here: our client makes them VS Code's types (`client/src/codeLens.ts`).
 */
export const SHOW_REFERENCES = 'editor.action.showReferences';

interface LensData {
  uri: string;
  address: string;
}

export function codeLensesOf(uri: string, file: SourceFile, ctx: AnalysisContext): CodeLens[] {
  return peerLensPlaces(file, ctx).map((p) => ({ range: p.range, data: { uri, address: p.address } satisfies LensData }));
}

/**
 * The module of an open document, or undefined once it is closed: its context, and where the blocks of a type are
 * declared in it (`placesOf`, which the server keeps until the next change).
 */
export type ModuleOf = (uri: string) => { ctx: AnalysisContext; places: (type: string) => Places } | undefined;

export function resolveCodeLens(lens: CodeLens, moduleOf: ModuleOf): CodeLens {
  const data = lens.data as Partial<LensData> | undefined;
  const module = typeof data?.uri === 'string' && typeof data.address === 'string' ? moduleOf(data.uri) : undefined;
  const found = module && peerLensOf(data!.address!, module.ctx);
  // A lens whose block is gone (closed, renamed since) says nothing rather than a stale count.
  if (!module || !found) return { ...lens, command: { title: '', command: '' } };
  const locations: Location[] = found.peers.length ? peerLocations(found.peers, module.places(found.peers[0].type)) : [];
  const command: Command = { title: found.title, command: SHOW_REFERENCES, arguments: [data!.uri, lens.range.start, locations] };
  return { range: lens.range, data: lens.data, command };
}
