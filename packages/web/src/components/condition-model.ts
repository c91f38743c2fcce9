/** The editor's rows and how each becomes a condition of the segment language (version 1). */
export type ConditionRow =
  | {
      kind: 'orders';
      measure: 'count' | 'sum' | 'days_since_last' | 'avg_discount_rate';
      op: 'gte' | 'lte' | 'eq';
      value: number;
      channel: string;
      days: number;
    }
  | { kind: 'gender'; value: 'F' | 'M' }
  | { kind: 'age'; min: number; max: number }
  | { kind: 'events'; type: string; days: number; min: number }
  | { kind: 'reachable'; channel: 'sms' | 'kakao' | 'email'; purpose: 'ad' | 'info' | 'night_ad' }
  | { kind: 'channel'; channel: string }
  | { kind: 'birthday'; days: number }
  | { kind: 'related_product' };

export type RowKind = ConditionRow['kind'];

export const ROW_KINDS: readonly RowKind[] = [
  'orders',
  'gender',
  'age',
  'events',
  'reachable',
  'channel',
  'birthday',
  'related_product',
];
export const CHANNELS = ['cafe24', 'smartstore', 'musinsa', '29cm', 'coupang', 'offline', 'popup'] as const;

export function newRow(kind: RowKind): ConditionRow {
  switch (kind) {
    case 'orders':
      return { kind, measure: 'count', op: 'gte', value: 2, channel: '', days: 0 };
    case 'gender':
      return { kind, value: 'F' };
    case 'age':
      return { kind, min: 20, max: 39 };
    case 'events':
      return { kind, type: 'add_to_cart', days: 7, min: 1 };
    case 'reachable':
      return { kind, channel: 'kakao', purpose: 'ad' };
    case 'channel':
      return { kind, channel: 'cafe24' };
    case 'birthday':
      return { kind, days: 7 };
    case 'related_product':
      return { kind };
  }
}

export type Condition = Record<string, unknown>;

export function rowToCondition(r: ConditionRow): Condition {
  switch (r.kind) {
    case 'orders': {
      const filter: Record<string, unknown> = {};
      if (r.channel) filter.channels = [r.channel];
      if (r.days > 0) filter.window = { kind: 'last_days', days: r.days };
      const value = r.measure === 'avg_discount_rate' ? r.value / 100 : r.value;
      return { kind: 'orders', measure: r.measure, op: r.op, value, ...(Object.keys(filter).length ? { filter } : {}) };
    }
    case 'gender':
      return { kind: 'profile', field: 'gender', op: 'eq', value: r.value };
    case 'age':
      return { kind: 'profile', field: 'age', op: 'between', value: [r.min, r.max] };
    case 'events':
      return {
        kind: 'events',
        type: r.type,
        window: { kind: 'last_days', days: Math.max(1, r.days) },
        count: { min: r.min },
      };
    case 'reachable':
      return { kind: 'reachable', channel: r.channel, purpose: r.purpose };
    case 'channel':
      return { kind: 'channel', channels: [r.channel] };
    case 'birthday':
      return { kind: 'anniversary', date: 'birthday', fromDays: 0, toDays: r.days };
    case 'related_product':
      return { kind: 'related_product' };
  }
}

/** AND / OR of the rows; no rows = everyone. */
export function rowsToDefinition(rows: readonly ConditionRow[], match: 'and' | 'or'): { version: 1; root: Condition } {
  if (rows.length === 0) return { version: 1, root: { kind: 'all' } };
  const items = rows.map(rowToCondition);
  return { version: 1, root: items.length === 1 ? (items[0] as Condition) : { kind: match, items } };
}

/** Rows the form refuses before counting or saving: an age range whose minimum is above its maximum. */
export const rowsValid = (rows: readonly ConditionRow[]): boolean =>
  rows.every((r) => r.kind !== 'age' || r.min <= r.max);
