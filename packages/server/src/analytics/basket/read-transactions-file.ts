import type { TransactionRow } from '@dalbit/core/analytics/basket/transactions';
import type { MessageKey, MessageParams } from '@dalbit/core/i18n/catalog';
import { parseCsv } from '@dalbit/core/ingest/csv/parse-csv';
import { CliError } from '../../cli/cli-error.ts';
import { readInputFile } from '../read-input-file.ts';

export interface FileIssue {
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export interface TransactionsFile {
  /** Rows with the transaction id (or the customer id at customer level) and the item. */
  readonly rows: TransactionRow[];
  readonly issues: FileIssue[];
}

/**
 * Reads a `transaction_id,item[,customer_id]` CSV (header required, any column order, labels kept
 * byte-exact). At customer level every row needs `customer_id` and baskets are per customer.
 * Problems are collected per line; the caller decides whether to stop.
 */
export async function readTransactionsFile(
  file: string,
  level: 'order' | 'customer',
  t: (key: MessageKey, params?: MessageParams) => string,
): Promise<TransactionsFile> {
  const text = await readInputFile(file, t);
  const issues: FileIssue[] = [];
  const rows: TransactionRow[] = [];
  let header: string[] | undefined;
  let col = { id: -1, item: -1, customer: -1 };
  for (const { fields, line } of parseCsv(text.replace(/^\uFEFF/, ''), {
    onIssue: (i) => issues.push({ file, line: i.line, message: i.message }),
  })) {
    if (header === undefined) {
      header = fields.map((f) => f.trim().toLowerCase());
      col = {
        id: header.indexOf('transaction_id'),
        item: header.indexOf('item'),
        customer: header.indexOf('customer_id'),
      };
      if (col.id < 0) issues.push({ file, line, column: 'transaction_id', message: 'missing column transaction_id' });
      if (col.item < 0) issues.push({ file, line, column: 'item', message: 'missing column item' });
      if (level === 'customer' && col.customer < 0)
        issues.push({ file, line, column: 'customer_id', message: 'customer level needs a customer_id column' });
      if (issues.length > 0) return { rows, issues };
      continue;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    const item = fields[col.item];
    const key = level === 'customer' ? fields[col.customer] : fields[col.id];
    const keyName = level === 'customer' ? 'customer_id' : 'transaction_id';
    if (key === undefined || key.trim() === '') {
      issues.push({ file, line, column: keyName, message: `empty ${keyName}` });
      continue;
    }
    if (item === undefined || item === '') {
      issues.push({ file, line, column: 'item', message: 'empty item' });
      continue;
    }
    rows.push({ transactionId: key, item });
  }
  if (header === undefined)
    issues.push({ file, line: 1, message: 'empty file: expected a header transaction_id,item' });
  return { rows, issues };
}

export function formatFileIssue(i: FileIssue): string {
  return `${i.file}:${i.line}${i.column ? ` (${i.column})` : ''}: ${i.message}`;
}

/** The issues of an input file as one INVALID_INPUT error (the first 20 listed). */
export function fileIssuesError(
  issues: readonly FileIssue[],
  t: (key: MessageKey, params?: MessageParams) => string,
): CliError {
  const shown = issues.slice(0, 20).map(formatFileIssue);
  const more = issues.length > 20 ? [t('cli.error.moreIssues', { count: issues.length - 20 })] : [];
  return new CliError(
    'INVALID_INPUT',
    [t('cli.error.invalidInput', { count: issues.length }), ...shown, ...more].join('\n'),
  );
}
