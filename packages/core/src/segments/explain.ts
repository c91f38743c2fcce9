import { MESSAGES, type MessageKey, translate, translator } from '../i18n/catalog.ts';
import { assertNever } from '../sql/dialect.ts';
import {
  ATTRIBUTE_PREFIX,
  ORDER_MEASURES,
  type OrderMeasureName,
  PROFILE_FIELDS,
  type ProfileFieldName,
} from './catalog.ts';
import {
  analyticsFieldText,
  analyticsValueText,
  channelText,
  type ExplainNames,
  statusText,
  withNames,
} from './explain-names.ts';
import { comparisonText, GRAMMAR, type Lang, windowText } from './explain-words.ts';
import { normalizeCondition } from './normalize.ts';
import type { Condition, EventStep, OrderFilter, SegmentDefinition } from './schema.ts';

const REACH_KEYS = {
  sms: 'explain.reach.sms',
  kakao: 'explain.reach.kakao',
  email: 'explain.reach.email',
} as const satisfies Record<string, MessageKey>;
const PURPOSE_KEYS = {
  ad: 'explain.purpose.ad',
  night_ad: 'explain.purpose.night_ad',
  info: 'explain.purpose.info',
} as const satisfies Record<string, MessageKey>;

/** A catalog text under `prefix` + `name` when there is one, else the name itself (event types, genders). */
function namedText(prefix: string, name: string, lang: Lang): string {
  const key = `${prefix}${name}`;
  return Object.hasOwn(MESSAGES, key) ? translate(lang, key as MessageKey) : name;
}

/**
 * Reads a definition back in Korean (default) or English.
 * @example explainSegment(def) // "마지막 구매가 90~120일 전이고 구매 횟수가 1회인 고객"
 */
export function explainSegment(def: SegmentDefinition, lang: Lang = 'ko', names: ExplainNames = {}): string {
  const body = explainCondition(withNames(normalizeCondition(def.root), names), lang, true);
  if (body === translate(lang, 'explain.everyone')) return translate(lang, 'explain.everyoneCustomers');
  return translate(lang, 'explain.customers', { body: GRAMMAR[lang].finish(body) });
}

function explainCondition(c: Condition, lang: Lang, top = false): string {
  const t = translator(lang);
  switch (c.kind) {
    case 'and':
      return GRAMMAR[lang].and(c.items.map((i) => explainCondition(i, lang)));
    case 'or': {
      const s = c.items.map((i) => explainCondition(i, lang)).join(t('explain.or'));
      return top ? s : `(${s})`;
    }
    case 'not':
      return t('explain.not', { inner: explainCondition(c.item, lang, true) });
    case 'all':
      return t('explain.everyone');
    case 'profile':
      return profileText(c, lang);
    case 'orders':
      return ordersText(c, lang);
    case 'events': {
      const when = c.window ? windowText(c.window, lang) : t('explain.ever');
      return t('explain.events', { when, what: stepText(c, lang), count: countText(c.count, lang) });
    }
    case 'sequence':
      return sequenceText(c, lang);
    case 'anniversary': {
      const what = t(c.date === 'birthday' ? 'explain.birthday' : 'explain.signupAnniversary');
      const from = c.fromDays ?? 0;
      if (!from) return t('explain.anniversaryToday', { what, to: c.toDays });
      return t('explain.anniversaryFrom', { what, from, to: c.toDays });
    }
    case 'reachable':
      return t('explain.reachable', { channel: t(REACH_KEYS[c.channel]), purpose: t(PURPOSE_KEYS[c.purpose]) });
    case 'segment':
      return t('explain.segment', { segment: c.segmentId });
    case 'analytics':
      return comparisonText(analyticsFieldText(c.field, lang), c, lang, '', (v) =>
        analyticsValueText(c.field, v, lang),
      );
    case 'related_product':
      return c.product ? t('explain.relatedProduct', { product: c.product }) : t('explain.related');
    case 'channel': {
      const channels = c.channels.map((x) => channelText(x, lang)).join(', ');
      if (!c.joined) return t('explain.channel', { channels });
      return t('explain.channelJoined', { channels, joined: windowText(c.joined, lang) });
    }
    case 'warranty': {
      const product = c.product ? t('explain.warrantyProduct', { product: c.product }) : '';
      return t('explain.warranty', { product, window: c.window ? ` ${windowText(c.window, lang)}` : '' });
    }
    default:
      return assertNever(c);
  }
}

function profileText(c: Extract<Condition, { kind: 'profile' }>, lang: Lang): string {
  if (c.field.startsWith(ATTRIBUTE_PREFIX))
    return comparisonText(
      translate(lang, 'explain.attribute', { name: c.field.slice(ATTRIBUTE_PREFIX.length) }),
      c,
      lang,
    );
  const f = PROFILE_FIELDS[c.field as ProfileFieldName];
  const unit = 'unit' in f ? translate(lang, f.unit) : '';
  return comparisonText(translate(lang, f.label), c, lang, unit, (v) =>
    c.field === 'gender' ? namedText('explain.gender.', String(v), lang) : String(v),
  );
}

function ordersText(c: Extract<Condition, { kind: 'orders' }>, lang: Lang): string {
  const m = ORDER_MEASURES[c.measure as OrderMeasureName];
  const scope = filterText(c.filter, lang);
  const measure = translate(lang, m.label);
  const label = scope ? translate(lang, 'explain.orderScoped', { scope, measure }) : measure;
  if ('daysSince' in m) {
    const text = comparisonText(label, c, lang, translate(lang, 'explain.daysAgoUnit'));
    return text.replace(/일 전 (이상|이하|초과|미만)$/, '일 $1 전');
  }
  const unit = 'unit' in m ? translate(lang, m.unit) : '';
  const pct = c.measure.endsWith('_rate');
  return comparisonText(label, c, lang, pct ? '' : unit, (v) =>
    pct ? `${Math.round(Number(v) * 1000) / 10}%` : Number(v).toLocaleString('en-US'),
  );
}

function sequenceText(c: Extract<Condition, { kind: 'sequence' }>, lang: Lang): string {
  const t = translator(lang);
  return t('explain.sequence', {
    when: c.did.window ? `${windowText(c.did.window, lang)} ` : '',
    first: stepText(c.did, lang),
    count: c.did.count ? ` ${countText(c.did.count, lang)}` : '',
    within: c.withinHours === undefined ? t('explain.afterwards') : t('explain.withinHours', { hours: c.withinHours }),
    same: c.sameProduct ? t('explain.sameProduct') : '',
    then: c.thenNot.source === 'order' ? t('explain.purchase') : stepText(c.thenNot, lang),
  });
}

function stepText(s: EventStep, lang: Lang): string {
  const name = namedText('explain.event.', s.type, lang);
  const details = [
    ...(s.product ? [s.product] : []),
    ...(s.properties ?? []).map((p) => comparisonText(p.key, p, lang)),
  ].join(', ');
  return details ? `${name}(${details})` : name;
}

function countText(c: { min?: number | undefined; max?: number | undefined } | undefined, lang: Lang): string {
  const min = c?.min ?? (c?.max === undefined ? 1 : 0);
  const max = c?.max;
  if (max === undefined) return translate(lang, 'explain.countAtLeast', { min });
  if (min === max) return translate(lang, 'explain.countExactly', { min });
  return translate(lang, 'explain.countRange', { min, max });
}

function filterText(f: OrderFilter | undefined, lang: Lang): string {
  if (!f) return '';
  const t = translator(lang);
  const list = (items: readonly string[]): string => items.join(t('explain.listSeparator'));
  const parts: string[] = [];
  if (f.window) parts.push(windowText(f.window, lang));
  if (f.channels) parts.push(t('explain.filter.channels', { list: list(f.channels.map((x) => channelText(x, lang))) }));
  if (f.stores) parts.push(t('explain.filter.stores', { list: list(f.stores) }));
  if (f.products) parts.push(t('explain.filter.products', { list: list(f.products) }));
  if (f.categories) parts.push(t('explain.filter.categories', { list: list(f.categories) }));
  if (f.statuses) parts.push(t('explain.filter.statuses', { list: list(f.statuses.map((x) => statusText(x, lang))) }));
  if (f.discounted !== undefined)
    parts.push(t(f.discounted ? 'explain.filter.discounted' : 'explain.filter.fullPrice'));
  if (f.coupon !== undefined) parts.push(t(f.coupon ? 'explain.filter.withCoupon' : 'explain.filter.withoutCoupon'));
  return parts.join(t('explain.partSeparator'));
}
