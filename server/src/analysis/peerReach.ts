/**
 * How BGP peers hang together, for the code lens over a virtual border router and a BGP group: the groups and peers
 * that reach each block, counted as the `too-many-peers-per-vbr` rule counts them (`forEachReaching` in
 * rules/crossResource.ts), against the rule's limit. The types and the chain come from the rule and the schemas'
 * `references`, not from names written here.
 */
import type { CrossFieldRule } from '../schema/types';
import type { Value } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';
import type { AnalysisContext, Declared } from './context';
import { resourceRef } from './references';
import { forEachReaching, targetOf } from './rules/crossResource';

export const PEER_LIMIT_RULE = 'too-many-peers-per-vbr';

/** What reaches one block (by address, `type.name`). */
export interface Reaching {
  /** Instances of the blocks whose number of instances is known (`count` written out, `for_each` over an object written out). */
  counted: number;
  /** Some block reaches it with a number of instances that is not known (`count = var.n`). */
  uncounted: boolean;
  /**
   * The counted instances per instance of the block reached (`vbr`, `vbr[0]`, `vbr["a"]`): the rule's tallies,
   * whose limit is per instance.
   */
  byTarget: Map<string, number>;
  /**
   * Some block reaches an instance that depends on its own key (`vbr[count.index]`): in `counted`, but in no
   * tally of the rule's, which does not know which instance.
   */
  unplaced: boolean;
  /** The blocks, counted or not, in the module's order (for showing them). */
  blocks: Declared[];
}

/** The chain the rule follows: peer -> group -> VBR, with the rule's limit. */
export interface PeerShape {
  max: number;
  peerType: string;
  groupType: string;
  vbrType: string;
  via: string[];
}

export interface PeerReach {
  shape: PeerShape;
  peersOfVbr: Map<string, Reaching>;
  groupsOfVbr: Map<string, Reaching>;
  peersOfGroup: Map<string, Reaching>;
}

/** `make`, made once per key (undefined included) and kept while the key is. */
function oncePer<K extends object, V>(make: (key: K) => V | undefined): (key: K) => V | undefined {
  const made = new WeakMap<K, V | null>();
  return (key) => {
    let v = made.get(key);
    if (v === undefined) made.set(key, (v = make(key) ?? null));
    return v ?? undefined;
  };
}

/** The rule's chain, when the schemas have the rule and a two-step chain whose steps name the types they reference. */
export const peerShape: (schemas: SchemaRegistry) => PeerShape | undefined = oncePer(readShape);

function readShape(schemas: SchemaRegistry): PeerShape | undefined {
  for (const schema of schemas.resources()) {
    const rule = schema.rules?.find((r): r is CrossFieldRule & { kind: 'maxPerReferenced' } => r.kind === 'maxPerReferenced' && r.code === PEER_LIMIT_RULE);
    if (!rule || rule.via.length !== 2) continue;
    const groupType = schema.attributes[rule.via[0]]?.references?.[0]?.types[0];
    const vbrType = groupType && schemas.get('resource', groupType)?.attributes[rule.via[1]]?.references?.[0]?.types[0];
    if (groupType && vbrType) return { max: rule.max, peerType: schema.type, groupType, vbrType, via: rule.via };
  }
  return undefined;
}

/**
 * Once per module context: a code lens request reads the context the diagnostics were computed with, which is
 * cached until the module changes, and tallies the module's peers and groups once for all its lenses.
 */
export const peerReach: (ctx: AnalysisContext) => PeerReach | undefined = oncePer(buildReach);

function buildReach(ctx: AnalysisContext): PeerReach | undefined {
  const shape = peerShape(ctx.schemas);
  if (!shape) return undefined;
  const peers = ctx.ofType('resource', shape.peerType);
  return {
    shape,
    peersOfVbr: tally(peers, shape.via, ctx),
    groupsOfVbr: tally(ctx.ofType('resource', shape.groupType), shape.via.slice(1), ctx),
    peersOfGroup: tally(peers, shape.via.slice(0, 1), ctx),
  };
}

function tally(all: readonly Declared[], via: string[], ctx: AnalysisContext): Map<string, Reaching> {
  const out = new Map<string, Reaching>();
  forEachReaching(all, via, ctx, (block, end, n) => {
    const address = addressOf(end);
    if (address === undefined) return;
    let r = out.get(address);
    if (!r) out.set(address, (r = nothing()));
    r.blocks.push(block);
    if (n === undefined) {
      r.uncounted = true;
      return;
    }
    r.counted += n;
    const target = targetOf(end);
    if (target === undefined) r.unplaced = true;
    else r.byTarget.set(target, (r.byTarget.get(target) ?? 0) + n);
  });
  return out;
}

/**
 * The address (`type.name`) of the resource a chain's end names, made once per value: the peers of a group all
 * end on the group's `router_id`, and each context tallies them again.
 */
const addressOf = oncePer((v: Value): string | undefined => {
  const ref = resourceRef(v);
  return ref && ref.kind === 'resource' ? `${ref.type}.${ref.name}` : undefined;
});

/** What reaches a block nothing reaches (a new tally's start). */
function nothing(): Reaching {
  return { counted: 0, uncounted: false, byTarget: new Map(), unplaced: false, blocks: [] };
}

const NOTHING = nothing();

/** A lens: its title and the peers it shows. */
export interface PeerLens {
  title: string;
  peers: readonly Declared[];
}

/**
 * The lens of the block of this address (`type.name`), or undefined when it is no VBR or group. A number the
 * module does not fix is a lower bound ("5+"); the limit is per VBR instance, so with several instances reached
 * the lens says how many the busiest one has.
 */
export function peerLens(reach: PeerReach, address: string): PeerLens | undefined {
  const type = address.slice(0, address.indexOf('.'));
  if (type === reach.shape.groupType) {
    const peers = reach.peersOfGroup.get(address) ?? NOTHING;
    return { title: amount(peers.counted, peers.uncounted, 'BGP peer'), peers: peers.blocks };
  }
  if (type !== reach.shape.vbrType) return undefined;
  const groups = reach.groupsOfVbr.get(address) ?? NOTHING;
  const peers = reach.peersOfVbr.get(address) ?? NOTHING;
  return { title: `${amount(groups.counted, groups.uncounted, 'BGP group')}, ${amount(peers.counted, peers.uncounted, 'BGP peer')} ${limit(peers, reach.shape.max)}`, peers: peers.blocks };
}

function amount(n: number, more: boolean, noun: string): string {
  return `${n}${more ? '+' : ''} ${noun}${n === 1 && !more ? '' : 's'}`;
}

/** Against the rule's limit, which is per VBR instance. */
function limit(peers: Reaching, max: number): string {
  if (peers.byTarget.size <= 1 && !peers.unplaced) return `(of ${max})`;
  let most = 0;
  for (const n of peers.byTarget.values()) most = Math.max(most, n);
  // Peers on an instance chosen by their own key (`vbr[count.index]`) may all be on the busiest one.
  const more = peers.unplaced || peers.uncounted ? '+' : '';
  return peers.byTarget.size === 0 ? `(on instances not known, of ${max} each)` : `(${most}${more} on the busiest instance, of ${max})`;
}
