import { DAY_MS } from '../../time/kst.ts';
import type { CustomerTraits } from './customer-traits.ts';

export interface TraitsSummary {
  readonly customers: number;
  readonly buyers: number;
  /** Customers whose discounted-order share is at least one half. */
  readonly discountSensitive: number;
  /** Customers with a cherry-picker score of at least one half. */
  readonly cherryPickers: number;
  readonly migratedToOwnShop: number;
  readonly channelPaths: readonly { readonly from: string; readonly to: string; readonly customers: number }[];
  readonly preferredCategories: readonly { readonly category: string; readonly customers: number }[];
  /** Customers per preferred KST hour, index 0–23. */
  readonly preferredHours: readonly number[];
  /** Customers whose next expected purchase falls in [asOf, asOf + 7 days). */
  readonly goldenTimeNext7Days: number;
  readonly medianOfMedianIntervals: number | null;
}

const top = <K extends string>(counts: Map<string, number>, key: K, n: number) =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k, customers]) => ({ [key]: k, customers }) as { [P in K]: string } & { customers: number });

/** Counts a marketer reads first after a traits run. */
export function summarizeTraits(traits: readonly CustomerTraits[], asOf: Date): TraitsSummary {
  const cats = new Map<string, number>();
  const paths = new Map<string, number>();
  const hours = new Array<number>(24).fill(0);
  const intervals: number[] = [];
  let golden = 0;
  for (const t of traits) {
    if (t.preferredCategory !== null) cats.set(t.preferredCategory, (cats.get(t.preferredCategory) ?? 0) + 1);
    if (t.firstChannel !== null && t.currentChannel !== null) {
      const k = `${t.firstChannel}\u0000${t.currentChannel}`;
      paths.set(k, (paths.get(k) ?? 0) + 1);
    }
    if (t.preferredHour !== null) hours[t.preferredHour] = (hours[t.preferredHour] ?? 0) + 1;
    if (t.medianInterpurchaseDays !== null) intervals.push(t.medianInterpurchaseDays);
    const next = t.nextExpectedPurchaseAt?.getTime();
    if (next !== undefined && next >= asOf.getTime() && next < asOf.getTime() + 7 * DAY_MS) golden++;
  }
  intervals.sort((a, b) => a - b);
  const mid = intervals.length >> 1;
  return {
    customers: traits.length,
    buyers: traits.filter((t) => t.firstChannel !== null).length,
    discountSensitive: traits.filter((t) => (t.discountOrderShare ?? 0) >= 0.5).length,
    cherryPickers: traits.filter((t) => (t.cherryPickerScore ?? 0) >= 0.5).length,
    migratedToOwnShop: traits.filter((t) => t.migratedAt !== null).length,
    channelPaths: top(paths, 'path', 64).map(({ path, customers }) => {
      const [from = '', to = ''] = path.split('\u0000');
      return { from, to, customers };
    }),
    preferredCategories: top(cats, 'category', 5),
    preferredHours: hours,
    goldenTimeNext7Days: golden,
    medianOfMedianIntervals:
      intervals.length === 0
        ? null
        : intervals.length % 2
          ? (intervals[mid] ?? null)
          : ((intervals[mid - 1] ?? 0) + (intervals[mid] ?? 0)) / 2,
  };
}
