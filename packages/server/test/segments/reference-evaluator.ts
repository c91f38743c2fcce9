import type { Condition } from '@dalbit/core/segments/schema';
import { DAY_MS, toKstDay } from '@dalbit/core/time/kst';
import { FIXTURE } from './fixture.ts';

/**
 * An independent, in-memory evaluator over the fixture rows for the subset of the language the
 * property test generates. Written from the language's documented semantics, not from the SQL.
 */
type Row = Record<string, unknown>;
const rows = (t: string): Row[] => FIXTURE[t] ?? [];
const PURCHASE = new Set(['paid', 'exchanged']);

function holds(x: unknown, op: string, v: unknown): boolean {
  if (op === 'not_exists') return x === null || x === undefined;
  if (x === null || x === undefined) return false;
  const list = Array.isArray(v) ? v : [v];
  switch (op) {
    case 'exists':
      return true;
    case 'eq':
      return x === v;
    case 'neq':
      return x !== v;
    case 'gt':
      return (x as number) > (v as number);
    case 'gte':
      return (x as number) >= (v as number);
    case 'lt':
      return (x as number) < (v as number);
    case 'lte':
      return (x as number) <= (v as number);
    case 'between':
      return (x as number) >= (list[0] as number) && (x as number) <= (list[1] as number);
    case 'in':
      return list.includes(x);
    case 'not_in':
      return !list.includes(x);
    default:
      throw new Error(`reference evaluator: op ${op}`);
  }
}

export function evaluate(c: Condition, customer: Row, asOf: Date): boolean {
  const id = customer.customer_id;
  const t = asOf.getTime();
  const mine = (table: string) => rows(table).filter((r) => r.customer_id === id);
  switch (c.kind) {
    case 'and':
      return c.items.every((i) => evaluate(i, customer, asOf));
    case 'or':
      return c.items.some((i) => evaluate(i, customer, asOf));
    case 'not':
      return !evaluate(c.item, customer, asOf);
    case 'all':
      return true;
    case 'profile': {
      const value = (() => {
        switch (c.field) {
          case 'age':
            return customer.birth_year == null ? null : 2025 - (customer.birth_year as number);
          case 'has_phone':
            return customer.phone != null && customer.phone !== '';
          case 'has_email':
            return customer.email != null && customer.email !== '';
          default:
            return customer[c.field] ?? null;
        }
      })();
      return holds(value, c.op, c.value);
    }
    case 'orders': {
      const f = c.filter ?? {};
      const since = f.window?.kind === 'last_days' ? t - f.window.days * DAY_MS : -Infinity;
      const os = mine('orders').filter(
        (o) =>
          PURCHASE.has(o.status as string) &&
          (o.ordered_at as Date).getTime() <= t &&
          (o.ordered_at as Date).getTime() >= since &&
          (!f.channels || f.channels.includes(o.channel as string)),
      );
      if (c.measure === 'count') return holds(os.length, c.op, c.value);
      if (c.measure === 'sum')
        return holds(
          os.reduce((s, o) => s + (o.paid_amount as number), 0),
          c.op,
          c.value,
        );
      if (c.measure === 'days_since_last') {
        const last = os.reduce<number | null>(
          (m, o) => Math.max(m ?? -Infinity, (o.ordered_at as Date).getTime()),
          null,
        );
        return holds(last === null ? null : toKstDay(asOf) - toKstDay(new Date(last)), c.op, c.value);
      }
      throw new Error(`reference evaluator: measure ${c.measure}`);
    }
    case 'events': {
      const since = c.window?.kind === 'last_days' ? t - c.window.days * DAY_MS : -Infinity;
      const n = mine('events').filter(
        (e) =>
          e.type === c.type &&
          (c.product === undefined || e.product_id === c.product) &&
          (e.occurred_at as Date).getTime() >= since &&
          (e.occurred_at as Date).getTime() <= t,
      ).length;
      const min = c.count?.min ?? (c.count?.max === undefined ? 1 : 0);
      return n >= min && (c.count?.max === undefined || n <= c.count.max);
    }
    case 'channel':
      return mine('customer_channels').some((r) => c.channels.includes(r.channel as string));
    case 'warranty':
      return mine('warranties').some(
        (w) => (w.registered_at as Date).getTime() <= t && (c.product === undefined || w.product_id === c.product),
      );
    case 'related_product':
      return mine('related_products').some((r) => c.product === undefined || r.product_id === c.product);
    case 'analytics': {
      const [table, column] = c.field.split('.') as [string, string];
      const source = { rfm: 'rfm_scores', clv: 'clv_scores', traits: 'customer_traits' }[table] ?? '';
      const row = mine(source)[0];
      if (c.op === 'not_exists') return row === undefined || row[column] == null;
      return row !== undefined && holds(row[column] ?? null, c.op, c.value);
    }
    case 'reachable': {
      const contact =
        c.channel === 'email'
          ? customer.email != null && customer.email !== ''
          : customer.phone != null && customer.phone !== '';
      if (c.purpose === 'info') return contact;
      const latest = (purpose: string): boolean => {
        const ks = mine('consents')
          .filter((k) => k.channel === c.channel && k.purpose === purpose && (k.at as Date).getTime() <= t)
          // Later wins; at equal times a refusal wins (docs/metrics.md, reachability).
          .sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime() || Number(b.granted) - Number(a.granted));
        return ks.at(-1)?.granted === true;
      };
      const channels = mine('customer_channels').map((r) => r.channel as string);
      const marketplaceOnly = channels.length > 0 && channels.every((ch) => ['smartstore', 'coupang'].includes(ch));
      const night = c.purpose === 'night_ad' && c.channel !== 'email' ? latest('night_ad') : true;
      return contact && latest('ad') && !marketplaceOnly && night;
    }
    default:
      throw new Error(`reference evaluator: kind ${c.kind}`);
  }
}

export function referenceMembers(root: Condition, asOf: Date): string[] {
  return rows('customers')
    .filter((c) => evaluate(root, c, asOf))
    .map((c) => String(c.customer_id))
    .sort();
}
