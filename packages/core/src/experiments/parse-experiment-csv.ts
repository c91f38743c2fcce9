import { type CsvIssue, parseCsv } from '../ingest/csv/parse-csv.ts';
import type { ArmWeight } from './assign-arm.ts';
import type { ExperimentRow } from './experiment-row.ts';

export type ExperimentFileIssueCode =
  | 'EMPTY_FILE'
  | 'MISSING_COLUMN'
  | 'FIELD_COUNT'
  | 'EMPTY_ARM'
  | 'BAD_CONVERTED'
  | 'BAD_AMOUNT'
  | 'REVENUE_WITHOUT_CONVERSION'
  | 'UNTERMINATED_QUOTE';

/** A problem in the input file: 1-based line, the column's header name when known, the raw value. */
export interface ExperimentFileIssue {
  readonly code: ExperimentFileIssueCode;
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
}

export type ParseExperimentCsvResult =
  | { readonly ok: true; readonly rows: readonly ExperimentRow[] }
  | { readonly ok: false; readonly issues: readonly ExperimentFileIssue[] };

const REQUIRED = ['arm', 'converted', 'revenue'] as const;
const TRUE_VALUES = new Set(['1', 'true', 't', 'yes', 'y']);
const FALSE_VALUES = new Set(['0', 'false', 'f', 'no', 'n']);
const AMOUNT = /^\d+(\.0*)?$/;

/**
 * Parses an experiment file: CSV with a header row holding `arm,converted,revenue` and optionally
 * `pre_revenue` and `segment` (any order, case-insensitive, other columns ignored); one row per
 * customer. `converted` is 0/1 (or true/false, yes/no); amounts are non-negative integer KRW
 * ("5000.00" is accepted). Every problem is collected with its line and column.
 */
export function parseExperimentCsv(text: string): ParseExperimentCsvResult {
  const broken: CsvIssue[] = [];
  const [header, ...body] = parseCsv(text.replace(/^\uFEFF/, ''), { onIssue: (i) => broken.push(i) });
  if (broken[0]) return { ok: false, issues: [{ code: 'UNTERMINATED_QUOTE', line: broken[0].line }] };
  if (header === undefined) return { ok: false, issues: [{ code: 'EMPTY_FILE', line: 1 }] };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0)
    return { ok: false, issues: missing.map((column) => ({ code: 'MISSING_COLUMN', line: header.line, column })) };
  const at = (c: string): number => names.indexOf(c);
  const hasPre = names.includes('pre_revenue');
  const hasSegment = names.includes('segment');
  const issues: ExperimentFileIssue[] = [];
  const rows: ExperimentRow[] = [];
  for (const { line, fields } of body) {
    if (fields.length === 1 && fields[0]?.trim() === '') continue;
    if (fields.length !== names.length) {
      issues.push({ code: 'FIELD_COUNT', line, value: `${fields.length}/${names.length}` });
      continue;
    }
    const get = (c: string): string => (fields[at(c)] ?? '').trim();
    const before = issues.length;
    const arm = get('arm');
    if (arm === '') issues.push({ code: 'EMPTY_ARM', line, column: 'arm' });
    const convertedText = get('converted').toLowerCase();
    const converted = TRUE_VALUES.has(convertedText) ? true : FALSE_VALUES.has(convertedText) ? false : undefined;
    if (converted === undefined)
      issues.push({ code: 'BAD_CONVERTED', line, column: 'converted', value: get('converted') });
    const revenue = parseAmount(get('revenue'));
    if (revenue === undefined) issues.push({ code: 'BAD_AMOUNT', line, column: 'revenue', value: get('revenue') });
    const preRevenue = hasPre ? parseAmount(get('pre_revenue')) : undefined;
    if (hasPre && preRevenue === undefined)
      issues.push({ code: 'BAD_AMOUNT', line, column: 'pre_revenue', value: get('pre_revenue') });
    if (converted === false && revenue !== undefined && revenue > 0) {
      issues.push({ code: 'REVENUE_WITHOUT_CONVERSION', line, column: 'revenue', value: get('revenue') });
    }
    if (issues.length > before || converted === undefined || revenue === undefined) continue;
    rows.push({
      arm,
      converted,
      revenue,
      ...(preRevenue !== undefined && { preRevenue }),
      ...(hasSegment && { segment: get('segment') }),
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  if (rows.length === 0) return { ok: false, issues: [{ code: 'EMPTY_FILE', line: header.line + 1 }] };
  return { ok: true, rows };
}

function parseAmount(text: string): number | undefined {
  return AMOUNT.test(text) ? Number(text) : undefined;
}

export type ParseWeightsResult =
  | { readonly ok: true; readonly weights: readonly ArmWeight[] }
  | { readonly ok: false; readonly part: string };

/** Parses `control=0.1,A=0.45,B=0.45` (weights are relative; they need not sum to 1). */
export function parseArmWeights(text: string): ParseWeightsResult {
  const weights: ArmWeight[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([^=]+?)\s*=\s*(\d+(?:\.\d*)?|\.\d+)\s*$/.exec(part);
    const weight = m ? Number(m[2]) : Number.NaN;
    if (!m?.[1] || !(weight > 0) || weights.some((w) => w.name === m[1])) return { ok: false, part };
    weights.push({ name: m[1], weight });
  }
  return { ok: true, weights };
}
