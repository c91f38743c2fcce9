import { RFM_SEGMENT_LABELS } from '../analytics/rfm/segments.ts';
import { MESSAGES, type MessageKey, translate } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { ownValue } from '../json/own-value.ts';
import type { Condition } from './schema.ts';

/** A catalog text when the key exists, else `fallback` (for values stored as codes: channels, statuses). */
function catalogText(key: string, lang: Lang, fallback: string): string {
  return Object.hasOwn(MESSAGES, key) ? translate(lang, key as MessageKey) : fallback;
}

/** A sales channel or member channel by its name ("cafe24" → "자사몰"). */
export const channelText = (channel: string, lang: Lang): string =>
  catalogText(`web.channel.${channel}`, lang, channel);
/** An order status by its name ("paid" → "결제 완료"). */
export const statusText = (status: string, lang: Lang): string => catalogText(`web.term.${status}`, lang, status);

/** The person-facing name of an analytics field ("clv.p_alive" → "재구매 가능성", "traits.cancel_rate" → "취소율"). */
export function analyticsFieldText(field: string, lang: Lang): string {
  if (field.startsWith('traits.')) return catalogText(`audience.trait.${field.slice(7)}`, lang, field);
  return catalogText(`builder.field.${field}`, lang, field);
}

const PERCENT_FIELDS: ReadonlySet<string> = new Set([
  'clv.p_alive',
  'traits.discount_order_share',
  'traits.avg_discount_rate',
  'traits.cherry_picker_score',
  'traits.cancel_rate',
  'traits.return_rate',
]);

/** One value of an analytics field as a person reads it: RFM segment names, ratios as %, channels by name. */
export function analyticsValueText(field: string, v: unknown, lang: Lang): string {
  if (field === 'rfm.segment') return ownValue(RFM_SEGMENT_LABELS, String(v))?.[lang] ?? String(v);
  if (PERCENT_FIELDS.has(field) && typeof v === 'number') return `${Math.round(v * 1000) / 10}%`;
  if (field === 'traits.first_channel' || field === 'traits.current_channel') return channelText(String(v), lang);
  return typeof v === 'number' ? v.toLocaleString('en-US') : String(v);
}

/** Names to show instead of ids when a definition is read back (looked up by the caller, e.g. from the warehouse). */
export interface ExplainNames {
  readonly products?: ReadonlyMap<string, string>;
  readonly segments?: ReadonlyMap<string, string>;
}

/** Product ids and segment ids a definition mentions (to look their names up). */
export function idsIn(c: Condition): { products: string[]; segments: string[] } {
  const products = new Set<string>();
  const segments = new Set<string>();
  const walk = (n: Condition): void => {
    if (n.kind === 'and' || n.kind === 'or') n.items.forEach(walk);
    else if (n.kind === 'not') walk(n.item);
    else if (n.kind === 'segment') segments.add(n.segmentId);
    else if (n.kind === 'orders') for (const p of n.filter?.products ?? []) products.add(p);
    else if (n.kind === 'sequence') {
      if (n.did.product) products.add(n.did.product);
      if (n.thenNot.product) products.add(n.thenNot.product);
    } else if ('product' in n && n.product) products.add(n.product);
  };
  walk(c);
  return { products: [...products], segments: [...segments] };
}

/**
 * A copy of the condition for reading only: ids replaced by names. The copy is never compiled or
 * stored; it exists so the sentence says "달빛 수분 토너" rather than "P0000662".
 */
export function withNames(c: Condition, names: ExplainNames): Condition {
  const p = (id: string): string => names.products?.get(id) ?? id;
  const walk = (n: Condition): Condition => {
    switch (n.kind) {
      case 'and':
      case 'or':
        return { kind: n.kind, items: n.items.map(walk) };
      case 'not':
        return { kind: 'not', item: walk(n.item) };
      case 'segment':
        return { ...n, segmentId: names.segments?.get(n.segmentId) ?? n.segmentId };
      case 'orders':
        return n.filter?.products ? { ...n, filter: { ...n.filter, products: n.filter.products.map(p) } } : n;
      case 'sequence':
        return {
          ...n,
          did: n.did.product ? { ...n.did, product: p(n.did.product) } : n.did,
          thenNot: n.thenNot.product ? { ...n.thenNot, product: p(n.thenNot.product) } : n.thenNot,
        };
      default:
        return 'product' in n && n.product ? { ...n, product: p(n.product) } : n;
    }
  };
  return walk(c);
}
