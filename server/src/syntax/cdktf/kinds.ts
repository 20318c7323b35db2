/** Token kinds of the CDKTF tokenizer (`tokens.ts`). */
export const IDENT = 1;
export const NUMBER = 2;
/** A complete string literal with no interpolation. */
export const STRING = 3;
/** A string with interpolation (template literal, f-string, `$"…"`): an expression, never a literal. */
export const TEMPLATE = 4;
export const PUNCT = 5;
/** A string missing its closing quote (ends at its line). */
export const BAD_STRING = 6;
