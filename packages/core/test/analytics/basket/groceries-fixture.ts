// Groceries: R package arules (Hahsler, Hornik & Reutterer 2006), 30 days of point-of-sale data
// of a grocery outlet, exported to /work/shared/data/groceries (see the README there).
// Reading files is fine in tests; the code under test stays pure.
import { readFileSync } from 'node:fs';
import { buildTransactions, type TransactionRow, type Transactions } from '@dalbit/core/analytics/basket/transactions';

export const GROCERIES_DIR = new URL('../../../../../../shared/data/groceries/', import.meta.url);

/** Minimal RFC 4180 reader (quoted fields, doubled quotes); enough for the reference files. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readGroceryRows(): TransactionRow[] {
  const rows = readCsv(readFileSync(new URL('transactions.csv', GROCERIES_DIR), 'utf8')).slice(1);
  return rows.map(([transactionId, item]) => ({ transactionId: transactionId ?? '', item: item ?? '' }));
}

let cached: Transactions | undefined;
export function groceries(): Transactions {
  cached ??= buildTransactions(readGroceryRows());
  return cached;
}

export function readGroceryHierarchy(): { labels: string; level2: string; level1: string; count: number }[] {
  return readCsv(readFileSync(new URL('items.csv', GROCERIES_DIR), 'utf8'))
    .slice(1)
    .map(([labels, level2, level1, , count]) => ({
      labels: labels ?? '',
      level2: level2 ?? '',
      level1: level1 ?? '',
      count: Number(count),
    }));
}
