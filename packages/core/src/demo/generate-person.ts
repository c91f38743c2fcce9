import { createRng, hashInts, type Rng } from '../math/random/prng.ts';
import { civilFromDays, DAY_MS, daysFromCivil, toKstDay } from '../time/kst.ts';
import { CATALOG } from './catalog.ts';
import { type DemoContext, sampleInstant, sampleSeasonalDay } from './demo-context.ts';
import type { Acquisition, Cafe24Membership, DemoPerson, DemoTraits, DemoWarranty, KakaoSignup } from './demo-model.ts';
import { generateOrders } from './generate-orders.ts';
import { pickKoreanName } from './korean-names.ts';

const ACQUISITIONS: readonly Acquisition[] = [
  'cafe24',
  'smartstore',
  'musinsa',
  '29cm',
  'coupang',
  'offline',
  'popup',
  'kakao_form',
  'gift',
];
const ACQUISITION_WEIGHTS: readonly number[] = [38, 20, 9, 5, 5, 14, 3, 4, 2];
const CATEGORIES = ['스킨케어', '메이크업', '바디', '헤어', '향수', '세트'];
const CATEGORY_WEIGHTS = [45, 30, 10, 8, 5, 2];
const DOMAINS = ['naver.com', 'gmail.com', 'daum.net', 'hanmail.net', 'kakao.com', 'nate.com', 'icloud.com'];
const DOMAIN_WEIGHTS = [45, 25, 8, 7, 8, 4, 3];
const MARKETPLACES = new Set<Acquisition>(['smartstore', 'musinsa', '29cm', 'coupang']);

/** Sign-ups grow over time: density ∝ 1 + g·t on the history, thinned by seasonal demand. */
function sampleFirstSeen(rng: Rng, ctx: DemoContext, acquisition: Acquisition): number {
  if (acquisition === 'popup') {
    const [from, to] = rng.pick(ctx.popupWindows);
    return sampleInstant(rng, rng.int(from, to), 'store');
  }
  const g = 1.2;
  const span = ctx.lastDay - ctx.firstDay;
  let day = ctx.firstDay;
  for (let i = 0; i < 40; i++) {
    const t = (-1 + Math.sqrt(1 + g * (2 + g) * rng.next())) / g;
    day = ctx.firstDay + Math.min(span, Math.floor(t * (span + 1)));
    if (rng.next() * ctx.seasonality.maxWeight < ctx.seasonality.weight(day)) break;
  }
  return sampleInstant(rng, day, acquisition === 'offline' ? 'store' : 'online');
}

function drawTraits(rng: Rng, acquisition: Acquisition): DemoTraits {
  const migratorP = MARKETPLACES.has(acquisition)
    ? 0.32
    : acquisition === 'popup'
      ? 0.45
      : acquisition === 'offline'
        ? 0.15
        : 0;
  return {
    discountSensitive: rng.chance(0.15),
    returner: rng.chance(0.05),
    canceller: rng.chance(0.04),
    migrator: rng.chance(migratorP),
    responsiveness: Math.min(1, Math.max(0, 0.25 + 0.18 * rng.normal())),
    favoriteCategory: CATEGORIES[rng.weighted(CATEGORY_WEIGHTS)] ?? '스킨케어',
  };
}

function drawBirth(rng: Rng, ctx: DemoContext): DemoPerson['birth'] {
  const asOfYear = civilFromDays(ctx.lastDay).year;
  const band = rng.weighted([20, 40, 25, 15]);
  const age = [rng.int(18, 24), rng.int(25, 34), rng.int(35, 44), rng.int(45, 62)][band] ?? 30;
  const year = asOfYear - age;
  const doy = rng.int(0, 364);
  const { month, day } = civilFromDays(daysFromCivil(year, 1, 1) + doy);
  return { year, month, day: Math.min(day, 29), lunar: rng.chance(age >= 40 ? 0.3 : 0.09) };
}

function drawKakaoSignup(
  rng: Rng,
  ctx: DemoContext,
  p: { acquisition: Acquisition; firstSeenAt: number; index: number },
): KakaoSignup | undefined {
  const chance = { kakao_form: 1, popup: 0.6, offline: 0.2 }[p.acquisition as string] ?? 0.1;
  if (!rng.chance(chance)) return undefined;
  const route: KakaoSignup['route'] =
    p.acquisition === 'popup'
      ? '팝업스토어'
      : p.acquisition === 'offline'
        ? '매장 태블릿'
        : rng.pick(['카카오싱크', '카카오 채널', '카카오 채널', '이벤트 응모'] as const);
  const sameDay = p.acquisition === 'kakao_form' || p.acquisition === 'popup' || p.acquisition === 'offline';
  const at = sameDay
    ? p.firstSeenAt + rng.int(60, 3600) * 1000
    : sampleInstant(rng, rng.int(toKstDay(p.firstSeenAt), ctx.lastDay), 'online');
  const answer = (yes: number, missing: number): boolean | undefined =>
    rng.chance(missing) ? undefined : rng.chance(yes);
  return {
    kakaoId: `2${ctx.ids.unique7(p.index, 0x6b616b61)}${rng.int(10, 99)}`,
    route,
    at,
    ...optional('sms', answer(0.6, 0.08)),
    ...optional('email', answer(0.5, 0.1)),
    ...optional('kakao', answer(0.7, 0.05)),
    ...optional('night', answer(0.2, 0.25)),
    fullBirthday: rng.chance(0.4),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function drawMembership(
  rng: Rng,
  ctx: DemoContext,
  person: DemoPerson,
  kakao: KakaoSignup | undefined,
): Cafe24Membership | undefined {
  const ownOrders = person.orders.filter((o) => o.channel === 'cafe24');
  let joinedAt: number | undefined;
  if (person.acquisition === 'cafe24' && (ownOrders.length === 0 || rng.chance(0.82)))
    joinedAt = person.firstSeenAt - rng.int(60, 900) * 1000;
  else if (ownOrders.length > 0 && rng.chance(0.85))
    joinedAt = (ownOrders[0]?.at ?? person.firstSeenAt) - rng.int(60, 900) * 1000;
  else if (kakao && kakao.route === '카카오싱크') joinedAt = kakao.at;
  if (joinedAt === undefined) return undefined;
  const method = rng.weighted([50, 25, 25]);
  const u7 = ctx.ids.unique7(person.index, 0x63616665);
  const memberId =
    method === 0
      ? `3${u7}${rng.int(10, 99)}@k`
      : method === 1
        ? `${u7}${rng.int(100, 999)}@n`
        : `${person.name.roman}${u7}`;
  for (const o of ownOrders) if (o.at >= joinedAt) o.member = true;
  const lastActivity = Math.max(joinedAt, ...ownOrders.map((o) => o.at));
  const exportAt = ctx.exportedAt - DAY_MS / 2;
  return {
    memberId,
    joinedAt,
    lastLoginAt: Math.min(exportAt, lastActivity + Math.round(rng.exponential(25) * DAY_MS)),
    sms: rng.chance(0.35 + person.traits.responsiveness * 0.6),
    newsMail: rng.chance(0.25 + person.traits.responsiveness * 0.6),
    givesBirthday: rng.chance(0.8),
    givesGender: rng.chance(0.85),
    signupMethod: method === 0 ? 'kakao' : method === 1 ? 'naver' : 'email',
  };
}

const BOUGHT_AT: Readonly<Record<string, string>> = {
  cafe24: '자사몰',
  smartstore: '네이버 스마트스토어',
  musinsa: '무신사',
  '29cm': '29CM',
  coupang: '쿠팡',
};

function drawWarranties(rng: Rng, ctx: DemoContext, person: DemoPerson): DemoWarranty[] {
  const out: DemoWarranty[] = [];
  const registrable = CATALOG.filter((p) => p.category === '향수' || p.category === '세트');
  if (person.acquisition === 'gift') {
    out.push({ product: rng.pick(registrable), at: person.firstSeenAt, boughtAt: '선물 받음' });
  }
  for (const o of person.orders) {
    for (const l of o.lines) {
      if (l.status !== 'paid' || (l.product.category !== '향수' && l.product.category !== '세트') || !rng.chance(0.3))
        continue;
      const at = o.at + rng.int(1, 20) * DAY_MS + rng.int(0, 36_000) * 1000;
      if (toKstDay(at) > ctx.lastDay) continue;
      out.push({ product: l.product, at, boughtAt: o.store ?? BOUGHT_AT[o.channel] ?? '기타' });
    }
  }
  return out;
}

function drawGrade(person: DemoPerson, ctx: DemoContext): DemoPerson['grade'] {
  const since = ctx.exportedAt - 365 * DAY_MS;
  let spend = 0;
  for (const o of person.orders) {
    if (o.channel !== 'cafe24' || o.at < since) continue;
    for (const l of o.lines)
      if (l.status === 'paid' || l.status === 'exchanged') spend += l.product.price * l.quantity - l.discount;
  }
  return spend >= 600_000 ? 'VIP' : spend >= 300_000 ? '골드' : spend >= 120_000 ? '실버' : '일반';
}

/** Person `index` of the brand, with everything they did; depends only on (seed, index). */
export function generatePerson(ctx: DemoContext, index: number): DemoPerson {
  const rng = createRng(ctx.params.seed, 0x70657273, index);
  const gender = rng.chance(0.78) ? 'F' : 'M';
  const name = pickKoreanName(rng, gender);
  const birth = drawBirth(rng, ctx);
  const acquisition = ACQUISITIONS[rng.weighted(ACQUISITION_WEIGHTS)] ?? 'cafe24';
  const firstSeenAt = sampleFirstSeen(rng, ctx, acquisition);
  const traits = drawTraits(rng, acquisition);
  const buys =
    acquisition === 'kakao_form'
      ? rng.chance(0.35)
      : acquisition === 'gift'
        ? rng.chance(0.15)
        : acquisition === 'cafe24'
          ? rng.chance(0.88)
          : true;
  const firstOrderAt =
    acquisition === 'kakao_form' || acquisition === 'gift'
      ? sampleInstant(rng, sampleSeasonalDay(rng, ctx, toKstDay(firstSeenAt), ctx.lastDay), 'online')
      : firstSeenAt;
  const orders = buys
    ? generateOrders(rng, ctx, {
        acquisition,
        firstAt: firstOrderAt,
        traits,
        birthMonth: birth.month,
        optionSeed: index,
      })
    : [];
  const u7 = ctx.ids.unique7(index, 0x6d61696c);
  const deviceCount = rng.chance(0.3) ? 2 : 1;
  const devices = Array.from({ length: deviceCount }, (_, d) => {
    const h = [
      hashInts(ctx.params.seed, index, d, 1),
      hashInts(ctx.params.seed, index, d, 2),
      hashInts(ctx.params.seed, index, d, 3),
    ];
    const hex = h.map((x) => x.toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 24)}${index.toString(16).padStart(8, '0')}`;
  });
  const person: DemoPerson = {
    index,
    name,
    gender,
    birth,
    phone: `010${ctx.ids.phoneDigits(index)}`,
    email: `${name.roman}${rng.chance(0.3) ? String(birth.year % 100).padStart(2, '0') : ''}.${u7}@${DOMAINS[rng.weighted(DOMAIN_WEIGHTS)]}`,
    acquisition,
    firstSeenAt,
    traits,
    orders,
    grade: '일반',
    ...(acquisition === 'offline' && rng.chance(0.75)
      ? { storeMemberNo: `1${ctx.ids.unique7(index, 0x706f7321)}` }
      : {}),
    marketplaceId: `${name.roman.slice(0, 4)}${ctx.ids.unique7(index, 0x6d6b7470)}`,
    naverId: `${name.roman}${rng.int(1, 99)}`,
    warranties: [],
    devices,
  };
  const kakao = drawKakaoSignup(rng, ctx, person);
  if (kakao) person.kakao = kakao;
  const cafe24 = drawMembership(rng, ctx, person, kakao);
  if (cafe24) person.cafe24 = cafe24;
  person.grade = drawGrade(person, ctx);
  person.warranties.push(...drawWarranties(rng, ctx, person));
  return person;
}
