/**
 * What the analysis reports: findings with stable codes and language-neutral fixes.
 * Writers (`../writers/`) turn neutral fixes into text edits in the language of the file.
 */
import type { Attribute, Block, Range, ResourceInstance } from '../model/types';
import type { Severity } from '../schema/types';

/** A value a fix writes, rendered by each writer in its own syntax. */
export type FixValue =
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  /** `alicloud_vpc_bgp_group.main.id` in HCL. */
  /** `key`: an instance key written after the name in HCL (`[0]`, `[count.index]`). */
  | { kind: 'reference'; resourceType: string; resourceName: string; attribute: string; key?: string };

/** One change to an instance, independent of the source language. */
export type NeutralEdit =
  /** Set an argument: change its value when present, otherwise add it to the body (or to `block`). */
  | { kind: 'set'; name: string; value: FixValue; block?: Block }
  | { kind: 'replaceValue'; attribute: Attribute; value: FixValue }
  | { kind: 'remove'; attribute: Attribute }
  | { kind: 'removeBlock'; block: Block }
  | { kind: 'rename'; attribute: Attribute; to: string };

export interface NeutralFix {
  title: string;
  edits: NeutralEdit[];
  /** The fix a user most likely wants (VS Code's "auto fix"). */
  preferred?: boolean;
  /**
   * Safe to apply unasked ("fix all", the CLI's `--fix`): it writes what the text evidently meant, where Terraform
   * rejects what is written (a misspelt name, `"yes"` for a bool, a value's case, a read-only argument). Not a
   * fix that guesses at an intent (a value brought into range, `enable_bfd` turned on, another block referred to).
   */
  auto?: boolean;
  /** Offered only when every other fix of its finding is withheld (`fixCheck.ts`): a placeholder after a reference. */
  fallback?: boolean;
}

export interface Finding {
  /** Stable identifier of the rule, documented in the README and used by severity settings. */
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  fixes: NeutralFix[];
  /** VS Code renders these specially (faded / struck through). */
  tags?: ('unnecessary' | 'deprecated')[];
  /** The instance the finding is about (absent for syntax errors). */
  instance?: ResourceInstance;
  /**
   * The argument whose absence the finding rests on (taken at its default): when the block may hold more than
   * it shows (`analysis/partial.ts`), the finding is not made.
   */
  leftOut?: string;
  /**
   * Another argument whose written value the finding rests on (`enable_bfd = false` for the BFD warning): where a
   * CDKTF program sets that argument after building the construct, its value here is not the one that counts.
   */
  restsOn?: string;
}
