/** What a rule may know beyond the instance it checks: the module around it. */
import type { Attribute, ResourceInstance, Value } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';
import type { TypeConstraint } from './typeConstraint';

/** `providerVersionFrom` of a CDKTF program whose version its project's `cdktf.json` states. */
export const PROJECT_FILE = 'cdktf.json';

/**
 * The provider version and where it comes from as one string, which messages name both of: a context's signature
 * and the reading of a finding's dependency on them must agree on it.
 */
export function versionKey(version: string | undefined, from: string | undefined): string {
  return (version ?? '') + (from === undefined ? '' : '\u0003' + from);
}

/**
 * What rules may read of another block of the module: its identity and the arguments that cross-resource
 * rules read (`factAttributes` in engine/moduleContext.ts). Contexts keep only this much of each block, so a
 * cached context does not keep old versions of whole files alive.
 */
export type Declared = Pick<ResourceInstance, 'kind' | 'type' | 'name' | 'attributes' | 'setLater'>;

export interface AnalysisContext {
  schemas: SchemaRegistry;
  /** Names of the resources (or data sources) of this type declared in the module. */
  declared(kind: 'resource' | 'data', type: string): string[];
  /** The instance of this type and name declared in the module (positions relative to its own chunk). */
  find(kind: 'resource' | 'data', type: string, name: string): Declared | undefined;
  /** How many blocks declare this name (`find` gives the first; more than one is itself an error). */
  declarations(kind: 'resource' | 'data', type: string, name: string): number;
  /**
   * How many blocks of the type repeat a name a block before them declares: 0 in a module Terraform accepts. One
   * number per type, which every block of it can read (and depend on) at no cost, before asking `declarations`.
   */
  repeatedNames(kind: 'resource' | 'data', type: string): number;
  /**
   * How many data blocks scoped to the module's `check` blocks are `data.type.name`: they declare nothing another
   * block can refer to, but Terraform keeps their names among the module's data sources, which must be unique.
   * (Optional: a context without it knows of none.)
   */
  scopedDeclarations?(type: string, name: string): number;
  /** Every instance of a type in the module. */
  ofType(kind: 'resource' | 'data', type: string): Declared[];
  /** Does the module declare any resource or data source, of any type? */
  declaresAny?(): boolean;
  /**
   * The alicloud provider version the module is pinned to (lock file), or else its `required_providers`
   * constraint as written (`analysis/versionConstraint.ts` reads it); undefined when nothing says.
   */
  providerVersion?: string;
  /**
   * Set when `providerVersion` is not the module's own: that of the root module that calls it (its lock file, or
   * its constraint with the module's own), the root's folder relative to the module's (`../..`); or, for a CDKTF
   * program, `PROJECT_FILE`: its project's `cdktf.json`.
   */
  providerVersionFrom?: string;
  /**
   * Identifies what the module looks like to cross-resource rules: equal signatures give equal module
   * findings for an unchanged block, so they can be cached.
   */
  signature: string;
  /**
   * A module-wide tally, computed once per context by `compute` (from the context it is given, so that
   * the same key always means the same computation) and read for one `target` (peers per VBR). Reading
   * through here lets the engine know exactly what a finding depended on.
   */
  count(key: string, target: string, compute: (ctx: AnalysisContext) => Map<string, number>): number | undefined;
  /** What rules see of one declared instance (`∅` when absent), so cached findings can be re-validated. */
  factsOf(kind: 'resource' | 'data', type: string, name: string): string;
  /**
   * The blocks of the module's override files that Terraform merges into the block of this address, in the order
   * of their files' names, each with a number for its file (`override.ts`). Not for rules, which check a block as
   * written: the engine asks it.
   */
  overridesOf?(kind: 'resource' | 'data', type: string, name: string): readonly Override[];
  /** Does the module have override files with blocks in them? (Asked once per file analysis, not per block.) */
  hasOverrides?(): boolean;
  /** The block of this address that override files are merged into, as the module's files hold it now. */
  originalOf?(kind: 'resource' | 'data', type: string, name: string): ResourceInstance | undefined;
  /**
   * Do the module's files other than override files declare this variable, local value, output or module call
   * (`var:x`, `local:x`, `output:x`, `module:x`)? What an override file's blocks of those kinds need.
   */
  declaresSymbol?(key: string): boolean;
  /**
   * For a variable file: the variable files of its folder that Terraform loads by itself, in its load order (the
   * file judged among them when it is one), with their names (`engine/variableFiles.ts`). Not part of the cached
   * context: `Workspace.contextFor` adds it.
   */
  variableFiles?(): readonly { name: string; file: { variableAssignments?(): Attribute[] } }[];
  /**
   * For a variable file: a variable the module declares, with its `default` and its `type`, and the name of the
   * file declaring it.
   */
  variable?(name: string): DeclaredVariable | undefined;
  /** For a variable file: every variable the module declares, in the order written (for completion). */
  variables?(): ReadonlyMap<string, DeclaredVariable>;
  /**
   * For a variable file: the arguments of the module's resources and data sources that read `var.<name>`, directly
   * or through local values (for a hover; reads every block of the module, so never asked while checking).
   */
  variableUses?(name: string): VariableUse[];
  /** For a variable file: does its folder hold any module file (.tf, .tf.json)? */
  hasModuleFiles?(): boolean;
}

/**
 * An argument that reads a variable, in a block's `path` (`timeouts.create`): set to it (`set`: the value is the
 * variable, or a type conversion of it, `bfd_multi_hop = var.bfd_multi_hop`), or using it in an expression
 * (`count = var.enable ? 1 : 0`).
 */
export interface VariableUse {
  kind: 'resource' | 'data';
  type: string;
  name: string;
  path: string;
  /** The file and the absolute line it is written on. */
  file: string;
  line: number;
  set: boolean;
  /** The local value it reads the variable through (`local.asn`), if it does. */
  via?: string;
}

/** A module's `variable` block, as a variable file's checks read it. */
export interface DeclaredVariable {
  default?: Value;
  /** Its `type`, when it reads as one (`analysis/typeConstraint.ts`). */
  type?: TypeConstraint;
  /** The file that declares the type (an override file's replaces the module's), and the one the default is from. */
  file: string;
  defaultFile?: string;
  /** The type as Terraform writes it (`list(string)`; as written, without white space, when it does not read), the default as written, the description. */
  typeText?: string;
  defaultText?: string;
  description?: string;
  /** Declared `sensitive = true`: its default is not shown. */
  sensitive?: boolean;
  /**
   * The file and line of the block that declares it (not an override file's). No line: a `.tf.json` file, whose
   * variables are known by name only (their type, default and description are not read).
   */
  declaredAt: { file: string; line?: number };
}

/** A block of an override file, and a number that stands for its file (`fileIdOf` in engine/moduleContext.ts). */
export interface Override {
  instance: ResourceInstance;
  file: number;
}
