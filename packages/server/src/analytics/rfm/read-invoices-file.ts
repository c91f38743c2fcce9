import type { Purchase } from '@dalbit/core/analytics/rfm/rfm-metrics';
import type { MessageKey, MessageParams } from '@dalbit/core/i18n/catalog';
import { parseCsv } from '@dalbit/core/ingest/csv/parse-csv';
import { isoDateToKstDay } from '@dalbit/core/time/kst';
import type { FileIssue } from '../basket/read-transactions-file.ts';
import { readInputFile } from '../read-input-file.ts';

const REQUIRED = ['InvoiceNo', 'InvoiceDate', 'CustomerID', 'TotalPrice'] as const;

/**
 * Reads an invoice file `InvoiceNo,InvoiceDate,CustomerID,TotalPrice` (header required, any column
 * order). The day is the calendar date written in InvoiceDate (`YYYY-MM-DD`, optionally followed by
 * a time). TotalPrice becomes integer cents (rounded half away from zero) so sums are exact.
 */
export async function readInvoicesFile(
  file: string,
  t: (key: MessageKey, params?: MessageParams) => string,
): Promise<{ purchases: Purchase[]; issues: FileIssue[] }> {
  const text = await readInputFile(file, t);
  const issues: FileIssue[] = [];
  const purchases: Purchase[] = [];
  let idx: Record<(typeof REQUIRED)[number], number> | undefined;
  for (const { fields, line } of parseCsv(text.replace(/^\uFEFF/, ''), {
    onIssue: (i) => issues.push({ file, line: i.line, message: i.message }),
  })) {
    if (idx === undefined) {
      const header = fields.map((f) => f.trim());
      const found = Object.fromEntries(REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<
        (typeof REQUIRED)[number],
        number
      >;
      for (const c of REQUIRED)
        if (found[c] < 0) issues.push({ file, line, column: c, message: `missing column ${c}` });
      if (issues.length > 0) return { purchases, issues };
      idx = found;
      continue;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    const orderId = (fields[idx.InvoiceNo] ?? '').trim();
    const customerId = (fields[idx.CustomerID] ?? '').trim();
    const dateText = (fields[idx.InvoiceDate] ?? '').trim();
    const priceText = (fields[idx.TotalPrice] ?? '').trim();
    const day = isoDateToKstDay(dateText.slice(0, 10));
    const price = priceText === '' ? Number.NaN : Number(priceText);
    const bad = (column: string, message: string): void => {
      issues.push({ file, line, column, message });
    };
    if (orderId === '') bad('InvoiceNo', 'empty invoice number');
    else if (customerId === '') bad('CustomerID', 'empty customer id');
    else if (day === undefined || !/^\d{4}-\d{2}-\d{2}([ T].*)?$/.test(dateText))
      bad('InvoiceDate', `not a date: '${dateText}'`);
    else if (!Number.isFinite(price)) bad('TotalPrice', `not a number: '${priceText}'`);
    else purchases.push({ customerId, orderId, day, amount: Math.sign(price) * Math.round(Math.abs(price) * 100) });
  }
  if (idx === undefined) issues.push({ file, line: 1, message: `empty file: expected a header ${REQUIRED.join(',')}` });
  return { purchases, issues };
}
