/** The kinds of files the importer understands. */
export const SOURCE_KINDS = [
  'cafe24_orders',
  'cafe24_customers',
  'smartstore_orders',
  'coupang_orders',
  'orders',
  'pos_sales',
  'customers',
  'events',
  'products',
  'warranties',
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

export function isSourceKind(s: string): s is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(s);
}
