import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomerOutcome } from '@dalbit/core/attribution/measure-campaign-outcomes';
import { openWorkbook } from '@dalbit/core/ingest/xlsx/open-workbook';
import { readSheetRows } from '@dalbit/core/ingest/xlsx/read-sheet-rows';
import { buildCampaignReport } from '@dalbit/core/reports/campaign/build-campaign-report';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvWriter } from '../../src/export/csv-writer.ts';
import { XlsxWriter } from '../../src/export/xlsx-writer.ts';
import { exportCampaignReport } from '../../src/reports/campaign/export-campaign-report.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-writers-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const T = Date.UTC(2026, 10, 20, 1);
const outcome = (customerId: string, arm: string, orders = 0, revenue = 0): CustomerOutcome => ({
  customerId,
  arm,
  arms: 1,
  exposures: 1,
  firstExposedAt: T,
  orders,
  revenue,
  preRevenue: 0,
  attributedOrders: orders,
  attributedRevenue: revenue,
});

describe('export writers', () => {
  it('the campaign report CSV neutralises formulas in names people typed (it wrote them raw before)', () => {
    const report = buildCampaignReport({
      campaignId: '=HYPERLINK("http://evil","x")',
      campaignName: '@SUM(1)',
      windowDays: 7,
      weights: [
        { name: 'holdout', weight: 0.5 },
        { name: '+A', weight: 0.5 },
      ],
      control: undefined,
      level: 0.95,
      outcomes: [outcome('h1', 'holdout'), outcome('h2', 'holdout', 1, 5_000), outcome('a1', '+A', 1, 9_000)],
      messages: [],
      engagement: [],
      coupons: [],
      couponSource: 'order_coupon_codes',
      windowOrders: [],
    });
    const out = join(dir, 'report.csv');
    const n = exportCampaignReport(report, { format: 'csv', out, lang: 'ko', now: new Date(T) });
    const text = readFileSync(out, 'utf8');
    expect(n).toBeGreaterThan(3);
    expect(text.startsWith('\uFEFFsection,key,arm,metric,value,lower,upper\r\n')).toBe(true);
    expect(text).toContain(`campaign,"'=HYPERLINK(""http://evil"",""x"")",,window_days,7,,`);
    expect(text).toContain(",'+A,");
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });

  it('CsvWriter keeps source text when asked to (demo console exports)', () => {
    const out = join(dir, 'raw.csv');
    const w = new CsvWriter(out, { encoding: 'utf8', header: ['phone', 'n'], neutralizeFormulas: false });
    w.writeRow(['+82 10-1234-5678', -5]);
    w.close();
    expect(readFileSync(out, 'utf8')).toBe('phone,n\r\n+82 10-1234-5678,-5\r\n');
  });

  it('the streaming XLSX writer drops XML-forbidden control characters and the file opens', () => {
    const out = join(dir, 'ctl.xlsx');
    const w = new XlsxWriter(out, {
      sheetName: 'seg',
      header: ['name', 'n'],
      types: ['s', 'n'],
      mtime: new Date(2000, 0, 1),
    });
    w.writeRow(['홍\u0000길\u0008동\u001f', 3]);
    w.close();
    const wb = openWorkbook(readFileSync(out));
    const sheet = wb.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows = [...readSheetRows(wb.sheetXml(sheet.path), wb.sharedStrings)].map((r) => r.cells);
    expect(rows).toEqual([
      ['name', 'n'],
      ['홍길동', 3],
    ]);
  });
});
