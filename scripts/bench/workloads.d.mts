// Types for the parts of the workload generator that tests import (the generator itself is plain JavaScript).
/** A Terraform module of exactly `lines` lines mixing BGP peers, groups, VBRs and other blocks (deterministic). */
export function hclModule(lines: number, seed?: number, options?: { prefix?: string; header?: boolean }): { text: string; peers: unknown[] };
/** A CDKTF TypeScript stack of `count` constructs (peers, groups, VBRs; deterministic). */
export function cdktfTypeScript(count: number, seed?: number): { text: string; peers: unknown[] };
