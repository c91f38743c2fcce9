import { isoDateToKstDay } from '../time/kst.ts';
import { type FieldType, OPERATORS, type Operator } from './catalog.ts';
import { issue, type SegmentIssue } from './issues.ts';
import type { Window } from './schema.ts';

export interface Comparison {
  readonly op: string;
  readonly value?: string | number | boolean | readonly (string | number | boolean)[] | undefined;
  readonly window?: Window | undefined;
}

type Path = readonly (string | number)[];

/** Checks `op`/`value`/`window` against a field type; every problem is returned, none thrown. */
export function checkComparison(
  type: FieldType,
  c: Comparison,
  path: Path,
  options: { values?: readonly string[] } = {},
): SegmentIssue[] {
  const allowed = OPERATORS[type];
  if (!(allowed as readonly string[]).includes(c.op)) {
    return [
      issue(
        'OPERATOR_NOT_ALLOWED',
        [...path, 'op'],
        `operator '${c.op}' is not allowed on a ${type} field; use one of ${allowed.join(', ')}`,
      ),
    ];
  }
  const op = c.op as Operator;
  const at = [...path, 'value'];
  const bad = (message: string): SegmentIssue[] => [issue('BAD_VALUE', at, message)];
  const scalarOk = (v: unknown): boolean =>
    type === 'number'
      ? typeof v === 'number' && Number.isFinite(v)
      : type === 'bool'
        ? typeof v === 'boolean'
        : typeof v === 'string';
  switch (op) {
    case 'exists':
    case 'not_exists':
      return c.value === undefined ? [] : bad(`'${op}' takes no value`);
    case 'within':
    case 'not_within':
      return c.window
        ? checkWindow(c.window, [...path, 'window'])
        : [issue('BAD_VALUE', [...path, 'window'], `'${op}' needs a window`)];
    case 'between': {
      const v = c.value;
      if (!Array.isArray(v) || v.length !== 2 || !v.every(scalarOk)) return bad('expected [min, max]');
      return Number(v[0]) <= Number(v[1]) ? [] : bad('min is greater than max');
    }
    case 'in':
    case 'not_in': {
      const v = c.value;
      if (!Array.isArray(v) || !v.every(scalarOk)) return bad(`expected a list of ${type} values`);
      return checkAllowedValues(v, options.values, at);
    }
    default: {
      if (Array.isArray(c.value) || !scalarOk(c.value)) return bad(`expected a ${type} value`);
      return checkAllowedValues([c.value], options.values, at);
    }
  }
}

function checkAllowedValues(
  vs: readonly unknown[],
  allowed: readonly string[] | undefined,
  path: Path,
): SegmentIssue[] {
  if (!allowed) return [];
  const wrong = vs.filter((v) => !allowed.includes(String(v)));
  return wrong.length
    ? [
        issue(
          'BAD_VALUE',
          path,
          `unknown value ${wrong.map((w) => `'${String(w)}'`).join(', ')}; expected ${allowed.join(', ')}`,
        ),
      ]
    : [];
}

export function checkWindow(w: Window, path: Path): SegmentIssue[] {
  if (w.kind === 'dates') {
    const out: SegmentIssue[] = [];
    const from = w.from === undefined ? undefined : isoDateToKstDay(w.from);
    const to = w.to === undefined ? undefined : isoDateToKstDay(w.to);
    if (w.from !== undefined && from === undefined)
      out.push(issue('BAD_VALUE', [...path, 'from'], `not a calendar date: ${w.from}`));
    if (w.to !== undefined && to === undefined)
      out.push(issue('BAD_VALUE', [...path, 'to'], `not a calendar date: ${w.to}`));
    if (from !== undefined && to !== undefined && from > to) out.push(issue('BAD_VALUE', path, 'from is after to'));
    return out;
  }
  if (w.kind === 'days_ago' && w.min > w.max) return [issue('BAD_VALUE', path, 'min is greater than max')];
  return [];
}
