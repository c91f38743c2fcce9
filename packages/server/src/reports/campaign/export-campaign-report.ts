import type { Lang } from '@dalbit/core/experiments/render-analysis';
import type { CampaignReport } from '@dalbit/core/reports/campaign/build-campaign-report';
import { REPORT_COLUMNS, toCampaignReportRows } from '@dalbit/core/reports/campaign/campaign-report-rows';
import { CsvWriter } from '../../export/csv-writer.ts';
import type { TableWriter } from '../../export/table-writer.ts';
import { XlsxWriter } from '../../export/xlsx-writer.ts';

export type ReportFormat = 'csv' | 'xlsx';

/**
 * Writes the report as a long table (section, key, arm, metric, value, lower, upper): CSV in
 * UTF-8 with BOM (Excel opens Hangul correctly), or a one-sheet XLSX with numbers as numbers.
 * Text cells (campaign, arm and segment names people typed) are formula-neutralised in the CSV.
 * The file appears only when complete (written to `<out>.partial`, then renamed).
 */
export function exportCampaignReport(
  report: CampaignReport,
  opts: { format: ReportFormat; out: string; lang: Lang; now: Date },
): number {
  const rows = toCampaignReportRows(report, opts.lang);
  const writer: TableWriter =
    opts.format === 'csv'
      ? new CsvWriter(opts.out, { encoding: 'utf8-bom', header: REPORT_COLUMNS, neutralizeFormulas: true })
      : new XlsxWriter(opts.out, {
          sheetName: 'report',
          header: REPORT_COLUMNS,
          types: ['s', 's', 's', 's', 'n', 'n', 'n'],
          mtime: new Date(opts.now.getFullYear(), opts.now.getMonth(), opts.now.getDate()),
        });
  for (const row of rows) writer.writeRow(row);
  writer.close();
  return rows.length;
}
