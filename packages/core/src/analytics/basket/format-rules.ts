import type { Rule, RuleSet } from './rule.ts';

/** The columns of `dalbit basket rules --format csv` (those of arules' `write(rules, sep = ",")` after `DATAFRAME`). */
export const RULE_CSV_HEADER = [
  'lhs',
  'rhs',
  'lhs_size',
  'support',
  'confidence',
  'coverage',
  'lift',
  'count',
] as const;

/** `{a,b}` with items in the rule set's item order, as arules prints itemsets. */
export function formatItemset(items: readonly string[], ids: readonly number[]): string {
  return `{${[...ids]
    .sort((a, b) => a - b)
    .map((i) => items[i] ?? '')
    .join(',')}}`;
}

/** A number as R's `write.csv` prints it: 15 significant digits, no trailing zeros. */
export function formatRNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : x < 0 ? '-Inf' : 'NaN';
  if (Number.isInteger(x)) return String(x);
  const fixed = Number(x.toPrecision(15));
  const plain = String(fixed);
  if (!plain.includes('e')) return plain;
  // R switches to scientific notation only when it is narrower than fixed notation.
  const digits = fixed.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  const asFixed = fixed
    .toFixed(Math.min(100, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(fixed))) - 1)))
    .replace(/\.?0+$/, '');
  return asFixed.length <= digits.length ? asFixed : digits;
}

function quote(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

/** One CSV line per rule, quoted like R's `write.csv` (strings quoted, numbers bare). */
export function formatRulesCsv(set: RuleSet, rules: readonly Rule[] = set.rules): string[] {
  const lines = [RULE_CSV_HEADER.map(quote).join(',')];
  for (const r of rules) {
    lines.push(
      [
        quote(formatItemset(set.items, r.lhs)),
        quote(formatItemset(set.items, [r.rhs])),
        String(r.lhs.length),
        formatRNumber(r.support),
        formatRNumber(r.confidence),
        formatRNumber(r.coverage),
        formatRNumber(r.lift),
        String(r.count),
      ].join(','),
    );
  }
  return lines;
}

/** Rules as plain JSON-ready objects with labels (conviction `null` when infinite). */
export function toRuleRecords(set: RuleSet, rules: readonly Rule[] = set.rules): RuleRecord[] {
  return rules.map((r) => ({
    lhs: [...r.lhs].sort((a, b) => a - b).map((i) => set.items[i] ?? ''),
    rhs: set.items[r.rhs] ?? '',
    lhsSize: r.lhs.length,
    support: r.support,
    confidence: r.confidence,
    coverage: r.coverage,
    lift: r.lift,
    leverage: r.leverage,
    conviction: Number.isFinite(r.conviction) ? r.conviction : null,
    count: r.count,
  }));
}

export interface RuleRecord {
  readonly lhs: readonly string[];
  readonly rhs: string;
  readonly lhsSize: number;
  readonly support: number;
  readonly confidence: number;
  readonly coverage: number;
  readonly lift: number;
  readonly leverage: number;
  readonly conviction: number | null;
  readonly count: number;
}

/** Highest lift first, then confidence, support, and the printed rule (a total, stable order). */
export function sortRules(set: RuleSet, rules: readonly Rule[] = set.rules): Rule[] {
  const label = (r: Rule): string => `${formatItemset(set.items, r.lhs)}=>${set.items[r.rhs] ?? ''}`;
  return [...rules].sort(
    (a, b) =>
      b.lift - a.lift ||
      b.confidence - a.confidence ||
      b.support - a.support ||
      (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0),
  );
}
