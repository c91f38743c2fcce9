import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReports } from '@dalbit/core/analytics/report/format-report';
import { neutralizeFormula } from '@dalbit/core/export/csv';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, formatExportCell } from '@dalbit/core/segments/export/export-columns';
import { kstDayStart } from '@dalbit/core/time/kst';
import { resolveAsOfDay } from '../../analytics/as-of.ts';
import { buildAudienceReport, loadBaseFacts } from '../../analytics/report/build-audience-report.ts';
import { resolveAudience } from '../../analytics/report/resolve-audience.ts';
import type { Engine } from '../../engines/engine.ts';
import { XlsxWriter } from '../../export/xlsx-writer.ts';
import { appendAccessLog } from '../../http/access-log.ts';
import { segmentMemberRows } from '../../segments/export-segment.ts';
import { getSegmentOrThrow } from '../../segments/segment-store.ts';

export interface AudienceReportExport {
  readonly segmentId: string;
  readonly lang: Lang;
  /** Personal data in clear (the caller checked the permission; `reason` is logged). */
  readonly unmask: boolean;
  readonly reason: string | null;
  readonly actor: string;
  readonly origin: string | null;
  readonly now: Date;
}

/**
 * The audience report of a saved segment as an XLSX workbook: a summary sheet (size, revenue, AOV,
 * recency, categories, products, channels, reachability, visits, monthly trend; the same text as
 * `dalbit report`, one cell per column) and a members sheet, personal data masked unless
 * `unmask`. The export is written to the access log with who, why and how many rows.
 */
export async function exportAudienceReport(
  engine: Engine,
  req: AudienceReportExport,
): Promise<{ bytes: Buffer<ArrayBuffer>; rows: number; name: string }> {
  const segment = await getSegmentOrThrow(engine, req.segmentId);
  const asOf = kstDayStart((await resolveAsOfDay(engine, undefined, { now: req.now })).day);
  const audience = await resolveAudience(engine, req.segmentId, { asOf, lang: req.lang });
  const base = await loadBaseFacts(engine, asOf);
  const report = await buildAudienceReport(engine, audience.members, { name: audience.name, asOf, top: 10, base });
  const summary = formatReports([report], req.lang)
    .split('\n')
    .map((line) => line.split('\t').map(neutralizeFormula));
  const columns = DEFAULT_EXPORT_COLUMNS;
  const members = await segmentMemberRows(engine, req.segmentId, columns);
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-report-'));
  try {
    const out = join(dir, 'report.xlsx');
    const w = new XlsxWriter(out, {
      sheetsBefore: [{ name: translate(req.lang, 'imports.export.summarySheet'), rows: summary }],
      sheetName: translate(req.lang, 'imports.export.membersSheet'),
      header: columns.map((c) => EXPORT_COLUMNS[c].label),
      types: columns.map(() => 's'),
      mtime: new Date(2000, 0, 1),
    });
    for (const r of members) w.writeRow(columns.map((c) => neutralizeFormula(formatExportCell(c, r[c], req.unmask))));
    w.close();
    const bytes = readFileSync(out);
    await appendAccessLog(engine, {
      actor: req.actor,
      action: req.unmask ? 'segment_report_export_unmasked' : 'segment_report_export',
      subject: `segment:${req.segmentId} rows:${members.length} format:xlsx-report`,
      reason: req.reason,
      origin: req.origin,
      at: req.now,
    });
    return { bytes, rows: members.length, name: segment.name };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
