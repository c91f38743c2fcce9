import type { RejectedRow } from '@dalbit/core/ingest/ingest-file';
import { describeIssue } from '@dalbit/core/ingest/ingest-file';
import { readOrderFields } from '@dalbit/core/ingest/mappers/map-order-row';
import type { Cell } from '@dalbit/core/ingest/normalise/cell';
import { cellText } from '@dalbit/core/ingest/normalise/cell';
import type { RowIssue } from '@dalbit/core/ingest/records';
import { RowReader } from '@dalbit/core/ingest/row-reader';
import { type Engine, eachChunk } from '../../engines/engine.ts';
import { type FieldPlan, keepFastRows, MAPPED, MAPPED_COLUMNS } from './order-fields-sql.ts';
import { BulkUnfit, RAW } from './stage-csv.ts';

export interface RowOutcome {
  readonly issues: RowIssue[];
  readonly rejected: RejectedRow[];
}

/**
 * The rows SQL left aside (any field in a form only the JS normalisers read) go through the old
 * path's field reader, one by one: their values join `MAPPED`, their refusals keep the old path's
 * issues word for word.
 */
export async function mapSlowRows(
  tx: Engine,
  plan: FieldPlan,
  table: { file: string; headers: readonly string[]; columnCount: number },
): Promise<RowOutcome> {
  const issues: RowIssue[] = [];
  const rejected: RejectedRow[] = [];
  const reader = new RowReader(table.file, plan.index, table.headers, issues, { offsetMinutes: plan.offsetMinutes });
  const ctx = plan.channel === undefined ? {} : { channel: plan.channel };
  const cols = Array.from({ length: table.columnCount }, (_, i) => `c${i}`).join(', ');
  const sql = `SELECT line, ${cols} FROM ${MAPPED} WHERE used AND NOT fast ORDER BY line`;
  const good: unknown[][] = [];
  await eachChunk<Record<string, unknown>>(tx, sql, (rows) => {
    for (const row of rows) {
      const cells: Cell[] = [];
      for (let i = 0; i < table.columnCount; i++) cells.push((row[`c${i}`] as string | null) ?? '');
      const line = Number(row.line);
      const before = issues.length;
      reader.reset(cells, line);
      const f = readOrderFields(reader, ctx, plan.profile);
      if (f === undefined) {
        rejected.push({ line, cells, reasons: issues.slice(before).map(describeIssue) });
        continue;
      }
      const kind = f.phone?.kind;
      const e164 = f.phone !== undefined && 'e164' in f.phone ? f.phone.e164 : null;
      good.push([
        line,
        f.channel,
        f.orderNo,
        f.lineNo ?? null,
        f.orderedAt,
        f.productId,
        f.productName ?? null,
        f.option ?? null,
        f.status,
        f.quantity,
        f.amount,
        f.discount,
        kind === 'mobile' || kind === 'virtual' || kind === 'landline' ? kind : null,
        e164,
        f.email ?? null,
        f.memberText ?? null,
        f.buyerName ?? null,
        f.coupon ?? null,
        f.store ?? null,
      ]);
    }
  });
  await keepFastRows(tx);
  if (good.length > 0) await tx.insert(MAPPED, MAPPED_COLUMNS, good);
  return { issues, rejected };
}

/**
 * A later line with a line number already seen is refused, as the old path does (`DUPLICATE`,
 * naming the first line); the old path's line numbers and its generated line ids share one
 * namespace, which only differs from SQL's when a line number holds a colon: unfit then.
 */
export async function refuseDuplicateLines(
  tx: Engine,
  plan: FieldPlan,
  table: { file: string; headers: readonly string[] },
  out: RowOutcome,
): Promise<void> {
  const [mix] = await tx.query<{ colon: boolean; generated: boolean }>(
    `SELECT coalesce(bool_or(contains(line_no, ':')), false) AS colon, coalesce(bool_or(line_no IS NULL), false) AS generated FROM ${MAPPED}`,
  );
  if (mix?.colon && mix.generated) throw new BulkUnfit('line numbers with colons beside generated line ids');
  const dups = await tx.query<{ line: number; line_no: string; first_line: number }>(
    `SELECT line, line_no, first_line FROM (
       SELECT line, line_no, min(line) OVER (PARTITION BY channel || ':' || line_no) AS first_line
       FROM ${MAPPED} WHERE line_no IS NOT NULL) WHERE line > first_line ORDER BY line`,
  );
  if (dups.length === 0) return;
  const i = plan.index.get('line_id') as number;
  const column = table.headers[i] ?? 'line_id';
  const lines = dups.map((d) => Number(d.line));
  const raw = await tx.query<Record<string, unknown>>(
    `SELECT * FROM ${RAW} WHERE line IN (SELECT unnest([${lines.join(', ')}]::INTEGER[])) ORDER BY line`,
  );
  const cellsOf = new Map(raw.map((r) => [Number(r.line), r]));
  for (const d of dups) {
    const r = cellsOf.get(Number(d.line)) ?? {};
    const cells = table.headers.map((_, k) => (r[`c${k}`] as string | null) ?? '');
    const value = cellText(cells[i]);
    const issue: RowIssue = {
      file: table.file,
      line: Number(d.line),
      column,
      code: 'DUPLICATE',
      message: `line ${d.line_no} already appears on line ${d.first_line}`,
      ...(value === undefined ? {} : { value }),
    };
    out.issues.push(issue);
    out.rejected.push({ line: Number(d.line), cells, reasons: [describeIssue(issue)] });
  }
  await tx.exec(`DELETE FROM ${MAPPED} WHERE line IN (SELECT unnest([${lines.join(', ')}]::INTEGER[]))`);
  out.issues.sort((a, b) => a.line - b.line);
  out.rejected.sort((a, b) => a.line - b.line);
}
