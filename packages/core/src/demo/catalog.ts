import { toCumulative } from '../math/random/prng.ts';

/**
 * The demo brand's catalogue: ~60 products in the categories of a Korean cosmetics brand, with
 * product lines whose items are bought in sequence (토너 → 세럼 → 크림) and companions bought
 * together (쿠션 + 립, 샴푸 + 트리트먼트).
 */
export type Category = '스킨케어' | '메이크업' | '바디' | '헤어' | '향수' | '세트';

export interface DemoProduct {
  readonly code: string;
  readonly name: string;
  readonly category: Category;
  /** Finer kind: 토너, 세럼, 크림, 선크림, 립, 쿠션, 아이, … */
  readonly kind: string;
  readonly price: number;
  /** Relative popularity as a first item in a basket. */
  readonly popularity: number;
  /** Option texts as shops export them ('색상=01 로지'); empty for none. */
  readonly options: readonly string[];
  /** Replenished (bought again) rather than collected. */
  readonly consumable: boolean;
  /** Product line, e.g. '수분'; items of a line are bought in `kind` order. */
  readonly line?: string;
}

export const BRAND_NAME = '달빛 코스메틱';
export const BRAND_PREFIX = '[달빛]';

/** Order within a skincare line: what comes next in a routine. */
export const ROUTINE_ORDER: readonly string[] = ['토너', '세럼', '크림'];

/** Kinds bought together with a kind, with the probability of adding one to the basket. */
export const COMPANIONS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  쿠션: [
    ['립', 0.35],
    ['선크림', 0.12],
  ],
  립: [
    ['쿠션', 0.15],
    ['아이', 0.12],
  ],
  아이: [['립', 0.2]],
  토너: [
    ['세럼', 0.3],
    ['패드', 0.1],
  ],
  세럼: [['크림', 0.3]],
  크림: [['선크림', 0.1]],
  선크림: [['쿠션', 0.08]],
  바디워시: [['바디로션', 0.4]],
  바디로션: [['핸드크림', 0.15]],
  샴푸: [['트리트먼트', 0.4]],
  향수: [
    ['핸드크림', 0.15],
    ['바디로션', 0.1],
  ],
};

interface Draft {
  readonly name: string;
  readonly category: Category;
  readonly kind: string;
  readonly price: number;
  readonly popularity: number;
  readonly options?: readonly string[];
  readonly consumable?: boolean;
  readonly line?: string;
}

const VOLUME = (ml: number): string[] => [`용량=${ml}ml`];
const SHADES = ['호수=13호 포슬린', '호수=21호 라이트', '호수=23호 내추럴'];
const LIP_COLORS = ['색상=01 로지', '색상=02 코랄', '색상=03 말린장미', '색상=04 브릭'];

const LINES: readonly (readonly [string, string, number])[] = [
  ['수분', '달빛 수분', 1.6],
  ['진정', '어성초 진정', 1.3],
  ['미백', '비타 브라이트닝', 1.0],
  ['탄력', '레티놀 탄력', 0.8],
];

function buildDrafts(): Draft[] {
  const drafts: Draft[] = [];
  for (const [line, label, pop] of LINES) {
    drafts.push({
      name: `${label} 토너`,
      category: '스킨케어',
      kind: '토너',
      price: 24_000,
      popularity: 3 * pop,
      options: VOLUME(200),
      consumable: true,
      line,
    });
    drafts.push({
      name: `${label} 세럼`,
      category: '스킨케어',
      kind: '세럼',
      price: 38_000,
      popularity: 2.2 * pop,
      options: VOLUME(50),
      consumable: true,
      line,
    });
    drafts.push({
      name: `${label} 크림`,
      category: '스킨케어',
      kind: '크림',
      price: 42_000,
      popularity: 2 * pop,
      options: VOLUME(50),
      consumable: true,
      line,
    });
  }
  drafts.push(
    {
      name: '달빛 수분 토너패드',
      category: '스킨케어',
      kind: '패드',
      price: 26_000,
      popularity: 2.4,
      options: ['매수=70매'],
      consumable: true,
    },
    {
      name: '어성초 진정 토너패드',
      category: '스킨케어',
      kind: '패드',
      price: 26_000,
      popularity: 1.8,
      options: ['매수=70매'],
      consumable: true,
    },
    {
      name: '마일드 클렌징폼',
      category: '스킨케어',
      kind: '클렌저',
      price: 16_000,
      popularity: 2.2,
      options: VOLUME(150),
      consumable: true,
    },
    {
      name: '딥 클렌징오일',
      category: '스킨케어',
      kind: '클렌저',
      price: 24_000,
      popularity: 1.6,
      options: VOLUME(200),
      consumable: true,
    },
    {
      name: '데일리 수분 선크림 SPF50+',
      category: '스킨케어',
      kind: '선크림',
      price: 22_000,
      popularity: 3.2,
      options: VOLUME(50),
      consumable: true,
    },
    {
      name: '톤업 선크림 SPF50+',
      category: '스킨케어',
      kind: '선크림',
      price: 24_000,
      popularity: 2.4,
      options: VOLUME(50),
      consumable: true,
    },
    {
      name: '무기자차 선스틱',
      category: '스킨케어',
      kind: '선크림',
      price: 19_000,
      popularity: 1.7,
      options: [],
      consumable: true,
    },
    {
      name: '시카 수면팩',
      category: '스킨케어',
      kind: '크림',
      price: 28_000,
      popularity: 1.0,
      options: VOLUME(100),
      consumable: true,
    },
    {
      name: '아이크림 앰플',
      category: '스킨케어',
      kind: '세럼',
      price: 45_000,
      popularity: 0.8,
      options: VOLUME(30),
      consumable: true,
    },
    {
      name: '글로우 쿠션',
      category: '메이크업',
      kind: '쿠션',
      price: 34_000,
      popularity: 2.6,
      options: SHADES,
      consumable: true,
    },
    {
      name: '커버 매트 쿠션',
      category: '메이크업',
      kind: '쿠션',
      price: 36_000,
      popularity: 2.0,
      options: SHADES,
      consumable: true,
    },
    {
      name: '쿠션 리필',
      category: '메이크업',
      kind: '쿠션',
      price: 22_000,
      popularity: 1.2,
      options: SHADES,
      consumable: true,
    },
    { name: '워터 틴트', category: '메이크업', kind: '립', price: 18_000, popularity: 2.8, options: LIP_COLORS },
    { name: '벨벳 립스틱', category: '메이크업', kind: '립', price: 22_000, popularity: 1.8, options: LIP_COLORS },
    { name: '글로시 립밤', category: '메이크업', kind: '립', price: 14_000, popularity: 1.5, options: [] },
    {
      name: '립 오일',
      category: '메이크업',
      kind: '립',
      price: 19_000,
      popularity: 1.2,
      options: LIP_COLORS.slice(0, 2),
    },
    {
      name: '데일리 아이 팔레트',
      category: '메이크업',
      kind: '아이',
      price: 32_000,
      popularity: 1.3,
      options: ['컬러=01 베이지', '컬러=02 로즈'],
    },
    {
      name: '롱래스팅 아이라이너',
      category: '메이크업',
      kind: '아이',
      price: 15_000,
      popularity: 1.2,
      options: ['색상=블랙', '색상=브라운'],
      consumable: true,
    },
    {
      name: '컬링 마스카라',
      category: '메이크업',
      kind: '아이',
      price: 17_000,
      popularity: 1.1,
      options: [],
      consumable: true,
    },
    {
      name: '브로우 펜슬',
      category: '메이크업',
      kind: '아이',
      price: 12_000,
      popularity: 0.9,
      options: ['색상=그레이브라운', '색상=라이트브라운'],
      consumable: true,
    },
    { name: '블러 파우더 팩트', category: '메이크업', kind: '쿠션', price: 26_000, popularity: 0.8, options: [] },
    { name: '코랄 블러셔', category: '메이크업', kind: '아이', price: 19_000, popularity: 0.7, options: [] },
    {
      name: '릴렉싱 바디워시',
      category: '바디',
      kind: '바디워시',
      price: 18_000,
      popularity: 1.6,
      options: VOLUME(500),
      consumable: true,
    },
    {
      name: '머스크 바디워시',
      category: '바디',
      kind: '바디워시',
      price: 18_000,
      popularity: 1.2,
      options: VOLUME(500),
      consumable: true,
    },
    {
      name: '딥 모이스처 바디로션',
      category: '바디',
      kind: '바디로션',
      price: 22_000,
      popularity: 1.5,
      options: VOLUME(400),
      consumable: true,
    },
    {
      name: '머스크 바디로션',
      category: '바디',
      kind: '바디로션',
      price: 24_000,
      popularity: 1.1,
      options: VOLUME(400),
      consumable: true,
    },
    {
      name: '시어버터 핸드크림',
      category: '바디',
      kind: '핸드크림',
      price: 12_000,
      popularity: 1.8,
      options: ['향=무화과', '향=화이트머스크', '향=베르가못'],
      consumable: true,
    },
    {
      name: '바디 스크럽',
      category: '바디',
      kind: '바디워시',
      price: 21_000,
      popularity: 0.7,
      options: VOLUME(250),
      consumable: true,
    },
    {
      name: '풋 크림',
      category: '바디',
      kind: '핸드크림',
      price: 11_000,
      popularity: 0.5,
      options: [],
      consumable: true,
    },
    {
      name: '탈모케어 샴푸',
      category: '헤어',
      kind: '샴푸',
      price: 24_000,
      popularity: 1.5,
      options: VOLUME(500),
      consumable: true,
    },
    {
      name: '두피 쿨링 샴푸',
      category: '헤어',
      kind: '샴푸',
      price: 22_000,
      popularity: 1.1,
      options: VOLUME(500),
      consumable: true,
    },
    {
      name: '단백질 트리트먼트',
      category: '헤어',
      kind: '트리트먼트',
      price: 22_000,
      popularity: 1.1,
      options: VOLUME(300),
      consumable: true,
    },
    {
      name: '헤어 에센스 오일',
      category: '헤어',
      kind: '트리트먼트',
      price: 19_000,
      popularity: 0.9,
      options: VOLUME(100),
      consumable: true,
    },
    {
      name: '헤어 미스트',
      category: '헤어',
      kind: '트리트먼트',
      price: 16_000,
      popularity: 0.6,
      options: VOLUME(150),
      consumable: true,
    },
    {
      name: '오드퍼퓸 문라이트',
      category: '향수',
      kind: '향수',
      price: 89_000,
      popularity: 0.9,
      options: ['용량=30ml', '용량=50ml'],
    },
    {
      name: '오드퍼퓸 화이트머스크',
      category: '향수',
      kind: '향수',
      price: 89_000,
      popularity: 0.8,
      options: ['용량=30ml', '용량=50ml'],
    },
    {
      name: '오드퍼퓸 베르가못',
      category: '향수',
      kind: '향수',
      price: 89_000,
      popularity: 0.6,
      options: ['용량=30ml', '용량=50ml'],
    },
    { name: '오드코롱 피그', category: '향수', kind: '향수', price: 59_000, popularity: 0.6, options: ['용량=50ml'] },
    { name: '퍼퓸 핸드크림 3종', category: '향수', kind: '향수', price: 29_000, popularity: 0.7, options: [] },
    { name: '고체향수 문라이트', category: '향수', kind: '향수', price: 25_000, popularity: 0.5, options: [] },
    { name: '달빛 수분 3종 세트', category: '세트', kind: '세트', price: 89_000, popularity: 1.0, options: [] },
    { name: '어성초 진정 기획세트', category: '세트', kind: '세트', price: 69_000, popularity: 0.8, options: [] },
    { name: '베스트 미니어처 키트', category: '세트', kind: '세트', price: 29_000, popularity: 0.9, options: [] },
    { name: '홀리데이 기프트 박스', category: '세트', kind: '세트', price: 98_000, popularity: 0.6, options: [] },
    { name: '쿠션 + 틴트 듀오', category: '세트', kind: '세트', price: 45_000, popularity: 0.8, options: SHADES },
    { name: '향수 디스커버리 세트', category: '세트', kind: '세트', price: 35_000, popularity: 0.6, options: [] },
    { name: '바디 케어 선물세트', category: '세트', kind: '세트', price: 55_000, popularity: 0.6, options: [] },
    { name: '명절 선물세트 프리미엄', category: '세트', kind: '세트', price: 120_000, popularity: 0.4, options: [] },
  );
  return drafts;
}

/** Cafe24-style product codes: 'P' + 7 characters. */
function toProductCode(index: number): string {
  return `P${(0x1f3a + index * 37).toString(36).toUpperCase().padStart(7, '0')}`;
}

export const CATALOG: readonly DemoProduct[] = buildDrafts().map((d, i) => ({
  code: toProductCode(i),
  name: d.name,
  category: d.category,
  kind: d.kind,
  price: d.price,
  popularity: d.popularity,
  options: d.options ?? [],
  consumable: d.consumable ?? false,
  ...(d.line === undefined ? {} : { line: d.line }),
}));

export const CATALOG_POPULARITY: readonly number[] = CATALOG.map((p) => p.popularity);
/** Running sums of `CATALOG_POPULARITY`, for `Rng.weightedCumulative`. */
export const CATALOG_POPULARITY_CUMULATIVE: readonly number[] = toCumulative(CATALOG_POPULARITY);

/** Products of a kind. */
export const PRODUCTS_BY_KIND: ReadonlyMap<string, readonly DemoProduct[]> = (() => {
  const m = new Map<string, DemoProduct[]>();
  for (const p of CATALOG) m.set(p.kind, [...(m.get(p.kind) ?? []), p]);
  return m;
})();

/** The next item of the routine in the same line (토너 → 세럼 → 크림), if any. */
export function findNextInRoutine(product: DemoProduct): DemoProduct | undefined {
  if (product.line === undefined) return undefined;
  const next = ROUTINE_ORDER[ROUTINE_ORDER.indexOf(product.kind) + 1];
  if (next === undefined) return undefined;
  return CATALOG.find((p) => p.line === product.line && p.kind === next);
}
