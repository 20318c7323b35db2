/**
 * The shape of `schemas/*.json`: everything the engine knows about a resource type, as data.
 * `schemas/resource.schema.json` is the JSON Schema of this shape; tests validate every file against it.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Terraform value types as the provider schema states them. */
export type AttributeType = 'string' | 'number' | 'bool' | 'list(string)' | 'set(string)' | 'map(string)' | 'list(object)';

/** Formats a string value must have when it is a literal. */
export type ValueFormat =
  | 'ip'          // an IPv4 or IPv6 address
  | 'ipv4'
  | 'ipv6'
  | 'netmask'     // a dotted IPv4 netmask such as 255.255.255.252
  | 'duration'    // Go durations as Terraform timeouts accept: "10m", "1h30m", "90s"
  | 'regex';      // a regular expression (Go RE2 syntax)

export interface NumberRange {
  min: number;
  max: number;
}

export interface VersionInfo {
  /** Provider version that added it. */
  since?: string;
  /**
   * When that version is not known: the newest version known not to have it (a provider schema dump lacks it,
   * a later one has it). Every version up to it lacks it too.
   */
  absentUntil?: string;
  /** Provider version that deprecated it, and what to use instead. */
  deprecated?: { since: string; message: string };
  /** Provider version that removed it. */
  removed?: string;
  /** The provider's published schema still accepts it after `removed`, and ignores it: a warning, not an error. */
  acceptedAfterRemoval?: boolean;
}

export interface AttributeSchema extends VersionInfo {
  type: AttributeType;
  /** The user must set it. */
  required?: boolean;
  /** The provider sets it when the user does not (optional+computed), or always (read-only when not optional). */
  computed?: boolean;
  /** Only the provider sets it: writing it in configuration is an error. */
  readOnly?: boolean;
  /** Read-only, but the provider's schema accepts a value (Terraform's optional+computed `id`) and ignores it: a warning. */
  ignoredIfWritten?: boolean;
  /** Changing it destroys and re-creates the resource. */
  forceNew?: boolean;
  /** For numbers: must be a whole number. */
  integer?: boolean;
  /** For numbers: the value must lie in one of these ranges. */
  ranges?: NumberRange[];
  /** For numbers: values excluded from the ranges, with why. */
  reserved?: { value: number; reason: string }[];
  /** For strings: the accepted values. */
  enum?: string[];
  /** Compare `enum` values ignoring case (the API accepts `IPV4`). */
  enumCaseInsensitive?: boolean;
  /** Severity of a value outside `enum` (default error). */
  enumSeverity?: Severity;
  format?: ValueFormat;
  /** For strings: a regular expression (JavaScript syntax) the value must match, and the message when not. */
  pattern?: { regex: string; message: string };
  /** For strings: length bounds. */
  minLength?: number;
  maxLength?: number;
  /** An empty string literal is an error (IDs that are required). */
  nonEmpty?: boolean;
  /**
   * The provider sends nothing for `""` and checks nothing itself (it reads the argument with `GetOk`): an empty
   * string is the argument left out. It is not judged against the format, length or pattern, and a `requires`
   * rule does not count it as set.
   */
  emptyMeansUnset?: boolean;
  /** Never show or log the value (`auth_key`). */
  sensitive?: boolean;
  /** What it is, in our own words (Markdown). */
  description: string;
  /** The default the provider or API applies, as documentation. */
  default?: string | number | boolean;
  /** A valid example value for snippets and completions (HCL literal text). */
  example?: string;
  /**
   * When the value usually refers to another resource: its types and attribute, so that completion
   * can offer `alicloud_vpc_bgp_group.<name>.id` and module-wide rules can check the reference.
   */
  references?: { types: string[]; attribute: string; path?: string }[];
}

export interface BlockSchema extends VersionInfo {
  description: string;
  /** At most this many blocks of this kind (1 for `timeouts`). */
  maxItems?: number;
  attributes: Record<string, AttributeSchema>;
  blocks?: Record<string, BlockSchema>;
}

/** Cross-field rules, each a small data record a generic rule function interprets. */
export type CrossFieldRule =
  | {
      /** When `attribute` is set, `requires.attribute` must equal `requires.value`. */
      kind: 'requires';
      code: string;
      severity: Severity;
      attribute: string;
      requires: { attribute: string; value: boolean | string | number };
      /** Message template; `{attribute}` and `{requires}` are replaced. */
      message: string;
    }
  | {
      /** The IP family of `address` must match the version named by `version` (`IPv4`/`IPv6`). */
      kind: 'ipFamilyMatches';
      code: string;
      severity: Severity;
      address: string;
      version: string;
    }
  | {
      /** Every address in `addresses` must lie in one subnet of the netmask in `mask`. */
      kind: 'sameSubnet';
      code: string;
      severity: Severity;
      addresses: string[];
      mask: string;
    }
  | {
      /** Across resources: `attribute` must equal `otherAttribute` of the resource `via` refers to. */
      kind: 'matchesReferenced';
      code: string;
      severity: Severity;
      attribute: string;
      via: string;
      otherAttribute: string;
      caseInsensitive?: boolean;
    }
  | {
      /**
       * Across resources: when `attribute` is `equals` (letter case ignored), the resource reached by following the
       * references in `via` must have `otherAttribute` = `otherValue` (an IPv6 group or peer needs its VBR's
       * `enable_ipv6 = true`). Left out there counts as not set.
       */
      kind: 'requiresOnReferenced';
      code: string;
      severity: Severity;
      attribute: string;
      equals: string;
      via: string[];
      otherAttribute: string;
      otherValue: boolean | string | number;
      /** `{target}` is replaced by the resource reached. */
      message: string;
    }
  | {
      /** Across resources: at most `max` instances reach one resource by following the references in `via`. */
      kind: 'maxPerReferenced';
      code: string;
      severity: Severity;
      max: number;
      via: string[];
      /** `{max}`, `{count}` and `{target}` are replaced. */
      message: string;
    };

export interface CdktfNames {
  /** Generated construct class (`VpcBgpPeer`). */
  className: string;
  /** Generated config interface/class (`VpcBgpPeerConfig`). */
  configName: string;
  /** Generated timeouts struct (`VpcBgpPeerTimeouts`). */
  timeoutsName?: string;
  /** Module names: TypeScript file (`vpc-bgp-peer`), Python module (`vpc_bgp_peer`), Go package (`vpcbgppeer`). */
  typescriptModule: string;
  pythonModule: string;
  goPackage: string;
}

export interface ResourceSchema extends VersionInfo {
  $schema?: string;
  /** Terraform type name (`alicloud_vpc_bgp_peer`). */
  type: string;
  kind: 'resource' | 'data';
  /** One line: what it is. */
  title: string;
  /** More about it (Markdown). */
  description: string;
  docsUrl: string;
  import?: {
    /** What the import ID is, and its shape. */
    idDescription: string;
    idPattern: string;
    idExample: string;
  };
  cdktf?: CdktfNames;
  attributes: Record<string, AttributeSchema>;
  blocks?: Record<string, BlockSchema>;
  rules?: CrossFieldRule[];
}
