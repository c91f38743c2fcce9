import { type Rng, toCumulative } from '../math/random/prng.ts';
import { DAY_MS, kstInstant, parseKstDate, toKstDay } from '../time/kst.ts';
import type { DemoParams } from './demo-params.ts';
import { createIdentifierSpace, type IdentifierSpace } from './identifiers.ts';
import { buildSeasonality, type Seasonality } from './seasonality.ts';

/** Everything shared by all customers of one generation run (pure, derived from the params). */
export interface DemoContext {
  readonly params: DemoParams;
  /** First and last KST day of the history (days since epoch). */
  readonly firstDay: number;
  readonly lastDay: number;
  /** The moment the exports were taken: the morning after `asOf`, 09:00 KST. */
  readonly exportedAt: number;
  readonly seasonality: Seasonality;
  readonly ids: IdentifierSpace;
  /** The pop-up store's two runs (inclusive KST day ranges). */
  readonly popupWindows: readonly (readonly [number, number])[];
}

export function createDemoContext(params: DemoParams): DemoContext {
  const asOfMs = parseKstDate(params.asOf);
  if (asOfMs === undefined) throw new RangeError(`bad asOf ${params.asOf}`);
  const lastDay = toKstDay(asOfMs);
  const firstDay = lastDay - params.days + 1;
  return {
    params,
    firstDay,
    lastDay,
    exportedAt: kstInstant(lastDay + 1, 9 * 3600),
    seasonality: buildSeasonality(firstDay, lastDay),
    ids: createIdentifierSpace(params.seed),
    popupWindows: [
      [Math.max(firstDay, lastDay - 380), Math.max(firstDay + 13, lastDay - 367)],
      [lastDay - 52, lastDay - 39],
    ],
  };
}

/** A KST day in [from, to], accepted in proportion to seasonal demand. */
export function sampleSeasonalDay(rng: Rng, ctx: DemoContext, from: number, to: number): number {
  const { seasonality } = ctx;
  let day = from;
  for (let i = 0; i < 40; i++) {
    day = rng.int(from, Math.max(from, to));
    if (rng.next() * seasonality.maxWeight < seasonality.weight(day)) return day;
  }
  return day;
}

const ONLINE_HOURS = toCumulative([
  2, 1.2, 0.6, 0.3, 0.2, 0.3, 0.6, 1.2, 1.8, 2.2, 2.6, 3, 3.6, 3.3, 3, 3, 3, 3, 3.2, 3.6, 4.2, 5, 5.2, 4,
]);
const STORE_HOURS = toCumulative([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 1, 2, 2.6, 2.6, 2.8, 3, 3.2, 3.4, 3.4, 2.5, 1, 0, 0,
]);

/** An instant on KST day `day`, at an hour typical for online shopping or a store visit. */
export function sampleInstant(rng: Rng, day: number, kind: 'online' | 'store'): number {
  const hour = rng.weightedCumulative(kind === 'online' ? ONLINE_HOURS : STORE_HOURS);
  return kstInstant(day, hour * 3600 + rng.int(0, 3599));
}

export const DAYS = (n: number): number => n * DAY_MS;
