import { ownValue } from '../json/own-value.ts';
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
import { comparisonText, connectKo, finishKo, josa, type Lang, windowText } from './explain-words.ts';
import { normalizeCondition } from './normalize.ts';
import type { Condition, EventStep, OrderFilter, SegmentDefinition } from './schema.ts';

const EVENT_NAMES: Record<string, { ko: string; en: string }> = {
  add_to_cart: { ko: '장바구니 담기', en: 'add to cart' },
  product_view: { ko: '상품 조회', en: 'product view' },
  page_view: { ko: '페이지 조회', en: 'page view' },
  search: { ko: '검색', en: 'search' },
  signup: { ko: '회원 가입', en: 'sign-up' },
  channel_added: { ko: '채널 친구 추가', en: 'channel friend added' },
  message_opened: { ko: '메시지 열람', en: 'message opened' },
  message_clicked: { ko: '메시지 클릭', en: 'message clicked' },
};
const REACH = {
  sms: { ko: '문자', en: 'SMS' },
  kakao: { ko: '카카오', en: 'Kakao' },
  email: { ko: '이메일', en: 'email' },
} as const;
const PURPOSE = {
  ad: { ko: '광고', en: 'advertising' },
  night_ad: { ko: '야간 광고', en: 'night-time advertising' },
  info: { ko: '정보성', en: 'informational' },
} as const;
const GENDER: Record<string, { ko: string; en: string }> = {
  F: { ko: '여성', en: 'female' },
  M: { ko: '남성', en: 'male' },
};

/**
 * Reads a definition back in Korean (default) or English.
 * @example explainSegment(def) // "마지막 구매가 90~120일 전이고 구매 횟수가 1회인 고객"
 */
export function explainSegment(def: SegmentDefinition, lang: Lang = 'ko', names: ExplainNames = {}): string {
  const body = explainCondition(withNames(normalizeCondition(def.root), names), lang, true);
  if (lang === 'en') return `Customers: ${body}`;
  return body === '전체' ? '전체 고객' : finishKo(body);
}

function explainCondition(c: Condition, lang: Lang, top = false): string {
  const ko = lang === 'ko';
  switch (c.kind) {
    case 'and':
      if (!ko) return c.items.map((i) => explainCondition(i, lang)).join(' and ');
      return c.items
        .map((i, n) => (n < c.items.length - 1 ? connectKo(explainCondition(i, lang)) : explainCondition(i, lang)))
        .join(' ');
    case 'or': {
      const s = c.items.map((i) => explainCondition(i, lang)).join(ko ? ' 또는 ' : ' or ');
      return top ? s : `(${s})`;
    }
    case 'not':
      return ko
        ? `[${explainCondition(c.item, lang, true)}]에 해당하지 않음`
        : `not (${explainCondition(c.item, lang, true)})`;
    case 'all':
      return ko ? '전체' : 'everyone';
    case 'profile': {
      if (c.field.startsWith(ATTRIBUTE_PREFIX))
        return comparisonText(`${ko ? '속성' : 'attribute'} ${c.field.slice(ATTRIBUTE_PREFIX.length)}`, c, lang);
      const f = PROFILE_FIELDS[c.field as ProfileFieldName];
      const unit = 'unit' in f ? f.unit[lang] : '';
      return comparisonText(f.label[lang], c, lang, unit, (v) =>
        c.field === 'gender' ? (ownValue(GENDER, String(v))?.[lang] ?? String(v)) : String(v),
      );
    }
    case 'orders': {
      const m = ORDER_MEASURES[c.measure as OrderMeasureName];
      const scope = filterText(c.filter, lang);
      const label = scope ? (ko ? `${scope} ${m.label.ko}` : `${m.label.en} (${scope})`) : m.label[lang];
      if ('daysSince' in m) {
        const text = comparisonText(label, c, lang, ko ? '일 전' : ' days ago');
        return ko ? text.replace(/일 전 (이상|이하|초과|미만)$/, '일 $1 전') : text;
      }
      const unit = 'unit' in m ? m.unit[lang] : '';
      const pct = c.measure.endsWith('_rate');
      return comparisonText(label, c, lang, pct ? '' : unit, (v) =>
        pct ? `${Math.round(Number(v) * 1000) / 10}%` : Number(v).toLocaleString('en-US'),
      );
    }
    case 'events': {
      const what = stepText(c, lang);
      const when = c.window ? windowText(c.window, lang) : ko ? '전체 기간' : 'ever';
      const n = countText(c.count, lang);
      return ko ? `${when} ${what} ${n}` : `${what} ${n} ${when}`;
    }
    case 'sequence': {
      const first = stepText(c.did, lang);
      const then = c.thenNot.source === 'order' ? (ko ? '구매' : 'purchase') : stepText(c.thenNot, lang);
      const within =
        c.withinHours === undefined
          ? ko
            ? '이후'
            : 'afterwards'
          : ko
            ? `${c.withinHours}시간 안에`
            : `within ${c.withinHours} hours`;
      const same = c.sameProduct ? (ko ? '같은 상품의 ' : 'of the same product ') : '';
      const when = c.did.window ? `${windowText(c.did.window, lang)} ` : '';
      const n = c.did.count ? ` ${countText(c.did.count, lang)}` : '';
      return ko
        ? `${when}${first}${n} 후 ${within} ${same}${then} 없음`
        : `${first}${n} ${when}then no ${then} ${same}${within}`;
    }
    case 'anniversary': {
      const what =
        c.date === 'birthday'
          ? ko
            ? '생일(음력 포함)'
            : 'birthday (lunar-aware)'
          : ko
            ? '가입 기념일'
            : 'sign-up anniversary';
      const from = c.fromDays ?? 0;
      return ko
        ? `${josa(what, '이', '가')} ${from ? `${from}~` : '오늘부터 '}${c.toDays}일 안`
        : `${what} within ${from ? `${from}–` : ''}${c.toDays} days`;
    }
    case 'reachable':
      return ko
        ? `${REACH[c.channel].ko} ${PURPOSE[c.purpose].ko} 메시지 수신 가능`
        : `reachable by ${REACH[c.channel].en} for ${PURPOSE[c.purpose].en} messages`;
    case 'segment':
      return ko ? `세그먼트 '${c.segmentId}' 소속` : `member of segment '${c.segmentId}'`;
    case 'analytics':
      return comparisonText(analyticsFieldText(c.field, lang), c, lang, '', (v) =>
        analyticsValueText(c.field, v, lang),
      );
    case 'related_product':
      return ko
        ? `연관 상품${c.product ? ` ${c.product}` : ''} 추천 대상`
        : `has a related product${c.product ? ` ${c.product}` : ''}`;
    case 'channel': {
      const ch = c.channels.map((x) => channelText(x, lang)).join(', ');
      const joined = c.joined ? windowText(c.joined, lang) : '';
      return ko
        ? `${ch} 회원${joined ? `(가입 ${joined})` : ''}`
        : `member of ${ch}${joined ? ` (joined ${joined})` : ''}`;
    }
    case 'warranty':
      return ko
        ? `정품 등록${c.product ? `(${c.product})` : ''}${c.window ? ` ${windowText(c.window, lang)}` : ''}`
        : `warranty registered${c.product ? ` for ${c.product}` : ''}${c.window ? ` ${windowText(c.window, lang)}` : ''}`;
    default:
      return assertNever(c);
  }
}

function stepText(s: EventStep, lang: Lang): string {
  const name = ownValue(EVENT_NAMES, s.type)?.[lang] ?? s.type;
  const details = [
    ...(s.product ? [s.product] : []),
    ...(s.properties ?? []).map((p) => comparisonText(p.key, p, lang)),
  ].join(', ');
  return details ? `${name}(${details})` : name;
}

function countText(c: { min?: number | undefined; max?: number | undefined } | undefined, lang: Lang): string {
  const min = c?.min ?? (c?.max === undefined ? 1 : 0);
  const max = c?.max;
  if (lang === 'en')
    return max === undefined ? `at least ${min} times` : min === max ? `exactly ${min} times` : `${min}–${max} times`;
  if (max === undefined) return `${min}회 이상`;
  return min === max ? `${min}회` : `${min}~${max}회`;
}

function filterText(f: OrderFilter | undefined, lang: Lang): string {
  if (!f) return '';
  const ko = lang === 'ko';
  const parts: string[] = [];
  if (f.window) parts.push(windowText(f.window, lang));
  const channels = f.channels?.map((x) => channelText(x, lang));
  if (channels) parts.push(ko ? `${channels.join('·')} 채널` : `on ${channels.join('/')}`);
  if (f.stores) parts.push(ko ? `${f.stores.join('·')} 매장` : `at ${f.stores.join('/')}`);
  if (f.products) parts.push(ko ? `상품 ${f.products.join('·')}` : `with ${f.products.join('/')}`);
  if (f.categories) parts.push(ko ? `${f.categories.join('·')} 카테고리` : `in ${f.categories.join('/')}`);
  const statuses = f.statuses?.map((x) => statusText(x, lang));
  if (statuses) parts.push(ko ? `상태 ${statuses.join('·')}` : `status ${statuses.join('/')}`);
  if (f.discounted !== undefined)
    parts.push(ko ? (f.discounted ? '할인' : '정가') : f.discounted ? 'discounted' : 'full-price');
  if (f.coupon !== undefined)
    parts.push(ko ? (f.coupon ? '쿠폰 사용' : '쿠폰 미사용') : f.coupon ? 'with coupon' : 'without coupon');
  return parts.join(ko ? ' ' : ', ');
}
