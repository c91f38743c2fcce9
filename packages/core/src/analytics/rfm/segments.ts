import { bilingual, translate } from '../../i18n/catalog.ts';
import type { Lang } from '../../i18n/lang.ts';

/**
 * The 11 named RFM segments and the complete map of the 125 (R, F, M) quintile-score triples to
 * them, as published with the Neal Analytics RFM scheme (the open-source tutorial table in
 * test-data/rfm/rfm_11_segments.csv; a test checks this copy against it).
 */
export const RFM_SEGMENT_KEYS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'cannot_lose_them',
  'at_risk',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENT_KEYS)[number];

export interface SegmentLabel {
  readonly en: string;
  readonly ko: string;
}

/** Both languages of each segment's name, from the catalog (`rfm.segment.<key>`). */
export const RFM_SEGMENT_LABELS = Object.fromEntries(
  RFM_SEGMENT_KEYS.map((key) => [key, bilingual(`rfm.segment.${key}`)]),
) as Readonly<Record<RfmSegment, SegmentLabel>>;

/** Score triples written as `RFM` digits, grouped by segment. */
const TRIPLES: Record<RfmSegment, string> = {
  champions: '555 554 545 544 455 454 445',
  potential_loyalists:
    '553 552 551 542 541 533 532 531 453 452 451 442 441 433 432 431 423 353 352 351 342 341 333 323',
  loyal: '543 444 435 355 354 345 344 335',
  need_attention: '535 534 443 434 343 334 325 324',
  promising: '525 524 523 522 521 515 514 513 425 424 415 414 413 315 314 313',
  new_customers: '512 511 422 421 412 411 311',
  hibernating: '332 322 251 241 233 232 231 223 222 212 211 132 123 122',
  about_to_sleep: '331 321 312 221 213',
  at_risk: '255 254 253 252 245 244 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124',
  cannot_lose_them: '215 214 155 154 144 115 114 113',
  lost: '151 141 131 121 112 111',
};

const BY_TRIPLE: ReadonlyMap<string, RfmSegment> = new Map(
  RFM_SEGMENT_KEYS.flatMap((key) => TRIPLES[key].split(' ').map((t) => [t, key] as const)),
);

/** The segment of quintile scores r, f, m (each 1..5). */
export function segmentOf(r: number, f: number, m: number): RfmSegment {
  const seg = BY_TRIPLE.get(`${r}${f}${m}`);
  if (seg === undefined) throw new RangeError(`RFM scores must be integers 1..5, got ${r},${f},${m}`);
  return seg;
}

export function segmentLabel(key: RfmSegment, lang: Lang = 'ko'): string {
  return translate(lang, `rfm.segment.${key}`);
}
