import type { TraitCategory } from './trait-inputs.ts';

/** Category with the largest kept purchase amount; ties → more lines → name order. */
export function findPreferredCategory(categories: readonly TraitCategory[]): string | null {
  let best: TraitCategory | undefined;
  for (const c of categories) {
    if (
      !best ||
      c.amount > best.amount ||
      (c.amount === best.amount && (c.lines > best.lines || (c.lines === best.lines && c.category < best.category)))
    )
      best = c;
  }
  return best?.category ?? null;
}

/** Most frequent KST hour (0–23); ties → the earlier hour; null without any activity. */
export function findPreferredHour(hourCounts: readonly number[]): number | null {
  let best: number | null = null;
  let bestCount = 0;
  hourCounts.forEach((n, h) => {
    if (n > bestCount) {
      best = h;
      bestCount = n;
    }
  });
  return best;
}
