import { civilFromDays } from '../time/kst.ts';
import { findLunarHolidays } from '../time/lunar.ts';

/**
 * Relative daily demand of a Korean cosmetics brand: 빼빼로데이 and Black Friday in November,
 * Christmas in December, the two weeks before 설날 and 추석 (gift sets), May gift season
 * (어린이날, 어버이날, 스승의날), a summer dip and slightly busier weekends.
 */
export interface Seasonality {
  /** Weight of KST day `day` (days since epoch); 1 is an ordinary day. */
  weight(day: number): number;
  readonly maxWeight: number;
  /** The promotion running on that day, if any (drives coupon codes and UTM campaigns). */
  promotion(day: number): Promotion | undefined;
}

export interface Promotion {
  readonly code: string;
  readonly label: string;
}

export function buildSeasonality(firstDay: number, lastDay: number): Seasonality {
  const weights = new Float64Array(lastDay - firstDay + 1);
  const promos: (Promotion | undefined)[] = new Array(weights.length).fill(undefined);
  const lunar = new Map<number, Promotion>();
  for (let y = civilFromDays(firstDay).year; y <= civilFromDays(lastDay).year + 1; y++) {
    const h = findLunarHolidays(y);
    const yy = String(y % 100).padStart(2, '0');
    for (let d = 1; d <= 14; d++) {
      if (h.seollal !== undefined) lunar.set(h.seollal - d, { code: `SEOL${yy}`, label: '설 선물' });
      if (h.chuseok !== undefined) lunar.set(h.chuseok - d, { code: `CHUSEOK${yy}`, label: '추석 선물' });
    }
  }
  let max = 0;
  for (let i = 0; i < weights.length; i++) {
    const day = firstDay + i;
    const { year, month, day: dom } = civilFromDays(day);
    const yy = String(year % 100).padStart(2, '0');
    let w = 1;
    let promo: Promotion | undefined;
    if (month === 11 && dom >= 1 && dom <= 11) {
      w = dom >= 8 ? 2.4 : 1.7;
      promo = { code: `PEPERO${yy}`, label: '빼빼로데이' };
    } else if (month === 11 && dom >= 20) {
      w = dom >= 24 ? 2.8 : 2.0;
      promo = { code: `BF${yy}`, label: '블랙프라이데이' };
    } else if (month === 12) {
      w = dom <= 25 ? 1.8 : 1.3;
      if (dom <= 25) promo = { code: `XMAS${yy}`, label: '홀리데이' };
    } else if (month === 5 && dom <= 15) {
      w = 1.7;
      promo = { code: `GIFT${yy}`, label: '가정의 달' };
    } else if (month === 7 || month === 8) {
      w = 0.85;
    }
    const l = lunar.get(day);
    if (l) {
      w = Math.max(w, 1.9);
      promo = l;
    }
    const dow = (day + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    if (dow === 0 || dow === 6) w *= 1.12;
    weights[i] = w;
    promos[i] = promo;
    if (w > max) max = w;
  }
  const at = (day: number): number => Math.min(weights.length - 1, Math.max(0, day - firstDay));
  return {
    weight: (day) => weights[at(day)] ?? 1,
    maxWeight: max,
    promotion: (day) => promos[at(day)],
  };
}
