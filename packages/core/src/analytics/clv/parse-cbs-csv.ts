import { z } from 'zod';
import { type CsvIssue, parseCsv } from '../../ingest/csv/parse-csv.ts';
import { type CbsRow, validateCbs } from './cbs.ts';

export interface CbsParseIssue {
  /** 1-based line in the file; 0 for the whole file. */
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export type CbsParseResult =
  | { readonly ok: true; readonly rows: readonly CbsRow[] }
  | { readonly ok: false; readonly issues: readonly CbsParseIssue[] };

const REQUIRED = ['cust', 'x', 't.x', 'T.cal'] as const;
const OPTIONAL = ['x.star', 'm.x'] as const;
const NUMBER = z.coerce.number().finite();

/**
 * Parses a CBS table in Hardie's layout: header `cust,x,t.x,T.cal` and optionally `x.star`, `m.x`
 * (any order, quoted or not, extra columns ignored; RFC 4180 via `parseCsv`). Every bad cell is
 * reported with its line and column; no partial result is returned.
 *
 * @example parseCbsCsv('cust,x,t.x,T.cal\n1,2,30.43,38.86\n') // { ok: true, rows: [{ customerId: '1', x: 2, … }] }
 */
export function parseCbsCsv(text: string): CbsParseResult {
  const broken: CsvIssue[] = [];
  const [first, ...body] = parseCsv(text.replace(/^\uFEFF/, ''), { onIssue: (i) => broken.push(i) });
  const header = first?.fields ?? [''];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      issues: [{ line: 1, message: `missing column(s) ${missing.join(', ')}; need cust,x,t.x,T.cal[,x.star][,m.x]` }],
    };
  }
  const at = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((c) => [c, header.indexOf(c)])) as Record<
    string,
    number
  >;
  const issues: CbsParseIssue[] = [];
  const rows: CbsRow[] = [];
  const lineOf: number[] = [];
  for (const { fields: cells, line } of body) {
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') continue;
    const num = (column: string): number | undefined => {
      const idx = at[column] ?? -1;
      if (idx < 0) return undefined;
      const cell = (cells[idx] ?? '').trim();
      const parsed = NUMBER.safeParse(cell === '' ? Number.NaN : cell);
      if (!parsed.success) {
        issues.push({ line, column, message: `not a number: '${cell}'` });
        return undefined;
      }
      return parsed.data;
    };
    const customerId = (cells[at.cust ?? 0] ?? '').trim();
    if (customerId === '') issues.push({ line, column: 'cust', message: 'empty customer id' });
    const [x, tx, tCal, xStar, mx] = [num('x'), num('t.x'), num('T.cal'), num('x.star'), num('m.x')];
    if (x === undefined || tx === undefined || tCal === undefined) continue;
    rows.push({
      customerId,
      x,
      tx,
      tCal,
      ...(xStar === undefined ? {} : { xStar }),
      ...(mx === undefined ? {} : { mx }),
    });
    lineOf.push(line);
  }
  issues.push(...broken);
  for (const issue of validateCbs(rows)) {
    issues.push({ line: issue.row >= 0 ? (lineOf[issue.row] ?? 0) : 0, message: issue.message });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}
