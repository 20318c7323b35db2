/**
 * What a module's alicloud provider version can be: a version pinned in the lock file (`1.230.0`), or the
 * `required_providers` constraint as written (`>= 1.200.0`, `~> 1.230`, `>= 1.150, < 1.300`). Terraform
 * installs the newest version a constraint allows, so a constraint is read as the range it allows, not as
 * its lower bound: `>= 1.200.0` allows every newer release, where `route_limit` (1.261.0) exists.
 */

/** A version as three numbers (a pre-release suffix is dropped). */
export type Triple = [number, number, number];

export interface AllowedVersions {
  /** The lowest version allowed (undefined: no lower bound). */
  lowest?: Triple;
  /** The first version above every allowed one (undefined: no upper bound). */
  below?: Triple;
  /** The single version allowed, when the constraint pins one (`1.230.0`, `= 1.230.0`), as `x.y.z`. */
  exact?: string;
}

const PART = /^\s*(~>|>=|<=|!=|=|>|<)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+][0-9A-Za-z.-]*)?\s*$/;

/** Read once per distinct constraint: every versioned argument of every block asks. */
const cache = new Map<string, AllowedVersions>();

/** The versions `constraint` allows. Parts Terraform would reject, and `!=`, leave the range as it is. */
export function allowedVersions(constraint: string): AllowedVersions {
  let allowed = cache.get(constraint);
  if (!allowed) {
    if (cache.size >= 100) cache.clear();
    cache.set(constraint, (allowed = parse(constraint)));
  }
  return allowed;
}

function parse(constraint: string): AllowedVersions {
  let lowest: Triple | undefined;
  let below: Triple | undefined;
  const atLeast = (v: Triple) => {
    if (!lowest || compareTriples(v, lowest) > 0) lowest = v;
  };
  const under = (v: Triple) => {
    if (!below || compareTriples(v, below) < 0) below = v;
  };
  let pins = 0;
  let parts = 0;
  for (const part of constraint.split(',')) {
    const m = PART.exec(part);
    if (!m) continue;
    parts++;
    const op = m[1] ?? '=';
    const v: Triple = [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
    const next: Triple = [v[0], v[1], v[2] + 1];
    switch (op) {
      case '=':
        atLeast(v);
        under(next);
        pins++;
        break;
      case '>=':
        atLeast(v);
        break;
      case '>':
        atLeast(next);
        break;
      case '<':
        under(v);
        break;
      case '<=':
        under(next);
        break;
      case '~>':
        // `~> 1.230.0` allows 1.230.x; `~> 1.230` and `~> 1` allow 1.x.
        atLeast(v);
        under(m[4] !== undefined ? [v[0], v[1] + 1, 0] : [v[0] + 1, 0, 0]);
        break;
      default: // `!=` excludes one version: the range stays
    }
  }
  const exact = pins > 0 && parts === 1 && lowest ? lowest.join('.') : undefined;
  return { lowest, below, exact };
}

export function compareTriples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
