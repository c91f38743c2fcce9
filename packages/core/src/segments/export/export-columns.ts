import { formatPhone } from '../../phone/phone.ts';
import { formatKstDateTime } from '../../time/kst.ts';
import { maskEmail, maskName, maskPhone } from './mask.ts';

/** Exportable columns: where each comes from, and how it is masked (personal data only). */
export interface ExportColumn {
  readonly source: 'customers' | 'customer_features';
  readonly column: string;
  readonly label: string;
  readonly mask?: (v: string) => string;
  readonly format?: (v: string) => string;
}

export const EXPORT_COLUMNS = {
  customer_id: { source: 'customers', column: 'customer_id', label: '고객ID' },
  name: { source: 'customers', column: 'name', label: '이름', mask: maskName },
  phone: { source: 'customers', column: 'phone', label: '휴대폰', mask: maskPhone, format: formatPhone },
  email: { source: 'customers', column: 'email', label: '이메일', mask: maskEmail },
  gender: { source: 'customers', column: 'gender', label: '성별' },
  grade: { source: 'customers', column: 'grade', label: '등급' },
  birth_year: { source: 'customers', column: 'birth_year', label: '출생연도' },
  order_count: { source: 'customer_features', column: 'order_count', label: '구매횟수' },
  order_sum: { source: 'customer_features', column: 'order_sum', label: '구매금액' },
  last_order_at: { source: 'customer_features', column: 'last_order_at', label: '최근구매일시' },
} as const satisfies Record<string, ExportColumn>;
export type ExportColumnName = keyof typeof EXPORT_COLUMNS;

export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumnName[] = [
  'customer_id',
  'name',
  'phone',
  'email',
  'grade',
  'order_count',
  'order_sum',
  'last_order_at',
];

export function isExportColumn(name: string): name is ExportColumnName {
  return Object.hasOwn(EXPORT_COLUMNS, name);
}

/** Cell text for an exported value: timestamps in KST ISO form, personal data masked unless `unmask`. */
export function formatExportCell(name: ExportColumnName, value: unknown, unmask: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatKstDateTime(value);
  const text = String(value);
  const c: ExportColumn = EXPORT_COLUMNS[name];
  if (!unmask && c.mask) return c.mask(text);
  return c.format ? c.format(text) : text;
}
