import type { Comparison } from '../comparison.ts';
import { or, param } from '../sql/build.ts';
import type { BoolExpr, ValueExpr } from '../sql/node.ts';
import { fieldPredicate } from './predicate.ts';

/** Text a non-string JSON value (number, true/false/null, object, array) could be read back as. */
const NON_STRING_TEXT = /^(?:[-+0-9.eE]*|true|false|null|[-+]?(?:inf|infinity|nan)|[[{].*)$/isu;

/**
 * A predicate on a top-level key of a JSON text column (numbers when `numeric`, else strings).
 * For `eq` / `in` on strings the JSON is parsed only on rows whose text contains one of the values
 * verbatim or holds an escape (a backslash): without escapes a JSON string is spelled verbatim in
 * its text, so every skipped row would have failed the comparison. Values a non-string JSON value
 * could produce (numbers, booleans, objects) are never pre-filtered, so results do not change.
 */
export function jsonFieldPredicate(
  json: ValueExpr,
  key: string,
  numeric: boolean,
  c: Comparison,
  asOf: Date,
): BoolExpr {
  if (numeric) return fieldPredicate({ kind: 'json_number', json, key }, 'number', c, asOf);
  const value: ValueExpr = { kind: 'json_string', json, key };
  const needles = c.op === 'eq' || c.op === 'in' ? (Array.isArray(c.value) ? c.value : [c.value]) : [];
  const plain = needles.length > 0 && needles.every((v) => typeof v === 'string' && !NON_STRING_TEXT.test(v));
  if (!plain) return fieldPredicate(value, 'string', c, asOf);
  const contains = (needle: string): BoolExpr => ({ kind: 'contains', text: json, needle: param(needle, 'string') });
  const candidate = or(...(needles as string[]).map(contains), contains('\\'));
  return fieldPredicate(
    { kind: 'case', when: candidate, then: value, else: { kind: 'literal', value: null } },
    'string',
    c,
    asOf,
  );
}
