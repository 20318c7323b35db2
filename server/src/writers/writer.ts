/** A writer renders neutral fixes and completions in one source language. */
import type { FixValue, NeutralEdit } from '../analysis/finding';
import type { Range, ResourceInstance } from '../model/types';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Read access to the document's lines; `base` turns the instance's chunk-relative lines into absolute ones. */
export interface LineSource {
  lineText(line: number): string;
  base: number;
}

export interface Writer {
  /** Text edits (absolute positions) for the neutral edits of one fix on one instance. */
  render(edits: NeutralEdit[], instance: ResourceInstance, src: LineSource): TextEdit[];
  /** A value in the language's syntax (`true`, `True`, `jsii.Bool(true)`). */
  value(v: FixValue): string;
}

/** How completions insert text in one language. Snippet syntax: `${1:placeholder}`, `${1|a,b|}`. */
export interface CompletionWriter {
  /**
   * The whole argument: `bfd_multi_hop = ${1:1}`. `valueSnippet` is already in this language's syntax. With
   * `quote`, the name is a string key (`"update": "${1:10m}"`, as a Python dict writes it).
   */
  argument(name: string, valueSnippet: string, quote?: string): string;
  /**
   * A nested block with its first keys: `timeouts {\n\tcreate = "${1:5m}"\n}`. `instance` is the resource being
   * completed (CDKTF writers name its generated struct class: `VpcBgpPeerTimeouts`).
   */
  block(name: string, keys: { name: string; valueSnippet: string }[], instance?: ResourceInstance): string;
  /** A value snippet for a type: choices, a quoted placeholder, or a bare placeholder. */
  valueSnippet(kind: 'bool' | 'string' | 'number' | 'reference', choices: string[], placeholder?: string): string;
  /** Literal values as they are written: `true`, `"IPv4"`. */
  literal(v: boolean | number | string): string;
  /** The label of a completed name, when the language spells schema names differently (`bfdMultiHop`). */
  label?(schemaName: string): string;
  /** A reference written in HCL form (`alicloud_vpc_bgp_group.main.id`) in this language (`main.id`). */
  reference?(hclText: string): string;
}
