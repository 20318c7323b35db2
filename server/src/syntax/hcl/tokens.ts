/** Tokens of HCL's native syntax (hashicorp/hcl `hclsyntax/spec.md`), as our lexer produces them. */

export const enum T {
  Ident,
  Number,
  /** `"` opening a quoted template. */
  OQuote,
  /** `"` closing it (zero-width and `missing` when the string was unterminated). */
  CQuote,
  /**
   * A whole quoted string with nothing to decode or interpolate (`"IPv4"`: no `\`, `${`, `%{`, on one line), in one
   * token instead of three; `value` holds its text. Most strings of a module are such strings.
   */
  PlainString,
  /** `<<EOF` / `<<-EOF` up to and including its newline. */
  OHeredoc,
  /** The closing marker line of a heredoc. */
  CHeredoc,
  /** Literal text inside a template; `value` holds the decoded text. */
  TemplateLit,
  /** `${` */
  TemplateInterp,
  /** `%{` */
  TemplateControl,
  /** `}` closing an interpolation or a directive. */
  TemplateSeqEnd,
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Comma,
  Dot,
  Ellipsis,
  Equal,
  Colon,
  Question,
  FatArrow,
  /** Operators: `== != < > <= >= && || ! + - * / %`. */
  Op,
  EOF,
  /** A character that starts no token. */
  Invalid,
}

export interface Token {
  kind: T;
  /** Offsets into the document text. */
  start: number;
  end: number;
  /** Absolute line and UTF-16 column of the first and last+1 character. */
  line: number;
  char: number;
  endLine: number;
  endChar: number;
  /** A newline (or a comment that ends one) separates it from the previous token. */
  nl: boolean;
  /** Decoded text for TemplateLit and PlainString, the operator for Op, the marker for heredoc tokens. */
  value?: string;
  /** A token the lexer had to invent to recover (an unterminated string's closing quote). */
  missing?: boolean;
}

export const TOKEN_NAMES: Record<T, string> = {
  [T.Ident]: 'a name',
  [T.Number]: 'a number',
  [T.OQuote]: 'a string',
  [T.CQuote]: '"',
  [T.PlainString]: 'a string',
  [T.OHeredoc]: 'a heredoc',
  [T.CHeredoc]: 'the end of a heredoc',
  [T.TemplateLit]: 'text',
  [T.TemplateInterp]: '${',
  [T.TemplateControl]: '%{',
  [T.TemplateSeqEnd]: '}',
  [T.LBrace]: '{',
  [T.RBrace]: '}',
  [T.LBrack]: '[',
  [T.RBrack]: ']',
  [T.LParen]: '(',
  [T.RParen]: ')',
  [T.Comma]: ',',
  [T.Dot]: '.',
  [T.Ellipsis]: '...',
  [T.Equal]: '=',
  [T.Colon]: ':',
  [T.Question]: '?',
  [T.FatArrow]: '=>',
  [T.Op]: 'an operator',
  [T.EOF]: 'the end of the file',
  [T.Invalid]: 'an invalid character',
};

/** Keywords that open a top-level block: used to stop an unclosed construct from swallowing what follows. */
export const TOP_LEVEL_KEYWORDS = new Set([
  'resource', 'data', 'variable', 'output', 'locals', 'module', 'provider', 'terraform',
  'import', 'moved', 'removed', 'check',
]);
