/**
 * Variable definition files (`.tfvars`, `.tfvars.json`): which of a folder's Terraform loads by itself and in
 * what order (Terraform's "Variable Definition Precedence": `terraform.tfvars`, `terraform.tfvars.json`, then
 * every `*.auto.tfvars` and `*.auto.tfvars.json` in the order of their names, a later file's value replacing an
 * earlier one's). What a JSON one assigns is read by `tfvarsJsonFile.ts`. And the module's `variable` blocks as a
 * variable file's context reads them (`declaredVariables`).
 */
import * as path from 'path';
import type { DeclaredVariable } from '../analysis/context';
import { formatType, parseType } from '../analysis/typeConstraint';
import { isOverrideFile } from '../analysis/partial';
import type { SourceFile } from './sourceFile';

/** A file of variable values: `.tfvars` or `.tfvars.json`. */
export function isVariableFile(p: string): boolean {
  return /\.tfvars(\.json)?$/i.test(p);
}

/** A `.tfvars.json` file (JSON syntax). */
export function isVariableJsonFile(p: string): boolean {
  return /\.tfvars\.json$/i.test(p);
}

/** Terraform loads it without being asked (`-var-file` names the others). Its names are case-sensitive. */
export function isAutoLoaded(p: string): boolean {
  const name = path.basename(p);
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(name);
}

/** Terraform's load order of auto-loaded files (later wins): the two `terraform.tfvars` first, then by name, bytewise. */
export function compareLoadOrder(a: string, b: string): number {
  const rank = (n: string) => (n === 'terraform.tfvars' ? 0 : n === 'terraform.tfvars.json' ? 1 : 2);
  const x = path.basename(a);
  const y = path.basename(b);
  return rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0);
}

/** One auto-loaded variable file of a folder, as the module index holds it (open or on disk). */
export interface VariableSource {
  /** Its file name, for messages. */
  name: string;
  file: SourceFile;
}

/**
 * The variables a module's files declare (`entries`: path and file, override files last), merged as Terraform merges
 * them: an override file's block replaces the type, default, description it writes. A `.tf.json` file's are known
 * by name only.
 */
export function declaredVariables(entries: Iterable<readonly [string, SourceFile]>): Map<string, DeclaredVariable> {
  const found = new Map<string, DeclaredVariable>();
  for (const [p, source] of entries) {
    const override = isOverrideFile(p);
    const name = path.basename(p);
    source.forEachVariable?.((v) => {
      const known = v.type === undefined ? undefined : parseType(v.type);
      const typeText = v.type === undefined ? undefined : known ? formatType(known) : v.type.replace(/\s+/g, '');
      const before = found.get(v.name);
      if (!before) {
        found.set(v.name, { default: v.default, type: known, file: name, defaultFile: name, typeText, defaultText: v.defaultText, description: v.description, sensitive: v.sensitive, declaredAt: { file: name, line: v.line } });
      }
      // Override files come last, in Terraform's order: what one writes replaces the declaration's.
      else if (override) {
        if (v.type !== undefined) (before.type = known), (before.typeText = typeText), (before.file = name);
        if (v.default) (before.default = v.default), (before.defaultText = v.defaultText), (before.defaultFile = name);
        if (v.description !== undefined) before.description = v.description;
        if (v.sensitive) before.sensitive = true;
      }
    });
    // A `.tf.json` file's variables are known by name only.
    if (!source.forEachVariable && !override) {
      source.forEachSymbolKey?.((key) => {
        if (key.startsWith('var:') && !found.has(key.slice(4))) found.set(key.slice(4), { file: name, declaredAt: { file: name } });
      });
    }
  }
  return found;
}
