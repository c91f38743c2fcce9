import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { importFile } from '../../src/importers/import-file.ts';
import type { ImportSummary } from '../../src/importers/import-summary.ts';
import { NOW, tempDir, writeText } from './fixtures.ts';

// UCI Online Retail (Chen, Sain & Guo 2012; UCI Machine Learning Repository, CC BY 4.0):
// a random 20,000-line sample of the raw file, all original columns. GBP amounts, UK times.
const FILE = fileURLToPath(new URL('../../../../test-data/online_retail/raw_sample20k.csv', import.meta.url));

/** Independent reading of the sample: a character loop, not the importer's parser. */
function expected() {
  const lines = readFileSync(FILE, 'utf8').trim().split('\n').slice(1);
  const split = (l: string) => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (const ch of l) {
      if (ch === '"') q = !q;
      else if (ch === ',' && !q) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const invoices = new Set<string>();
  const customers = new Set<string>();
  let accepted = 0;
  let pence = 0;
  let first = '9999';
  for (const l of lines) {
    const [invoice, , , qty, date, price, customer] = split(l);
    const q = Number(qty);
    if (q < 1) continue;
    accepted++;
    if ((date ?? '') < first) first = date ?? '';
    invoices.add(invoice ?? '');
    if (customer !== 'NA') customers.add(customer ?? '');
    pence += Math.round(Number(price) * 100) * q;
  }
  return {
    lines: lines.length,
    accepted,
    invoices: invoices.size,
    customers: customers.size,
    pence,
    first: `${first.replace(' ', 'T')}.000Z`,
  };
}

describe('Online Retail sample through a mapping file', () => {
  let engine: Engine;
  let summary: ImportSummary;
  const want = expected();
  beforeAll(async () => {
    engine = await openMemoryWarehouse('duckdb');
    const dir = tempDir();
    const mappingPath = writeText(
      dir,
      'uk.json',
      JSON.stringify({
        source: 'orders',
        channel: 'uk_retail',
        amountScale: 100,
        utcOffsetMinutes: 0,
        columns: {
          order_id: 'InvoiceNo',
          product_code: 'StockCode',
          product_name: 'Description',
          qty: 'Quantity',
          ordered_at: 'InvoiceDate',
          unit_price: 'UnitPrice',
          member_id: 'CustomerID',
          store: 'Country',
        },
      }),
    );
    summary = await importFile(engine, { path: FILE, mappingPath, rejectsPath: `${dir}/rejects.csv`, now: NOW });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('accepts every line with a positive quantity and rejects the returns with their line numbers', () => {
    expect(summary).toMatchObject({
      status: 'imported',
      forced: true,
      source: 'orders',
      rowsRead: want.lines,
      rowsWritten: want.accepted,
      rowsRejected: want.lines - want.accepted,
    });
    expect(want.lines - want.accepted).toBe(398);
    expect(summary.issues.every((i) => i.column === 'Quantity' && i.line >= 2 && i.line <= want.lines + 1)).toBe(true);
  });

  it('writes the invoices, customers and pence the file holds', async () => {
    const [o] = await engine.query<{ orders: number; paid: number }>(
      'SELECT count(*) AS orders, sum(paid_amount) AS paid FROM orders',
    );
    expect(o).toEqual({ orders: want.invoices, paid: want.pence });
    expect(await engine.query('SELECT count(*) AS n FROM order_items')).toEqual([{ n: want.accepted }]);
    expect(summary.customersCreated).toBe(want.customers);
    const [t] = await engine.query<{ at: Date }>('SELECT min(ordered_at) AS at FROM orders');
    expect(t?.at.toISOString()).toBe(want.first);
  });
});
