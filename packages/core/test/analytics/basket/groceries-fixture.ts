// Groceries: R package arules (Hahsler, Hornik & Reutterer 2006), 30 days of point-of-sale data
// of a grocery outlet, exported to test-data/groceries (see the README there).
// Reading files is fine in tests; the code under test stays pure.
import { readFileSync } from 'node:fs';
import { buildTransactions, type TransactionRow, type Transactions } from '@dalbit/core/analytics/basket/transactions';
import { parseCsv } from '@dalbit/core/ingest/csv/parse-csv';

export const GROCERIES_DIR = new URL('../../../../../test-data/groceries/', import.meta.url);

/** The rows of a reference file, read with the project's RFC 4180 parser. */
export function readCsv(text: string): string[][] {
  return Array.from(parseCsv(text), (row) => row.fields);
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
