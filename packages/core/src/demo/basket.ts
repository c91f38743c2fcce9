import { type Rng, toCumulative } from '../math/random/prng.ts';
import {
  CATALOG,
  CATALOG_POPULARITY,
  COMPANIONS,
  type DemoProduct,
  findNextInRoutine,
  PRODUCTS_BY_KIND,
} from './catalog.ts';

export interface BasketItem {
  readonly product: DemoProduct;
  readonly option: string;
  readonly quantity: number;
}

export interface BasketContext {
  /** Products this person bought before, oldest first. */
  readonly history: readonly DemoProduct[];
  readonly favoriteCategory: string;
  /** Gift season: sets are more likely. */
  readonly giftSeason: boolean;
  /** Stable per-person option choice (their shade, their size). */
  readonly optionSeed: number;
}

const anchorWeights = new Map<string, number[]>();
function weightsFor(favorite: string, giftSeason: boolean): number[] {
  const key = `${favorite}|${giftSeason}`;
  let w = anchorWeights.get(key);
  if (!w) {
    w = toCumulative(
      CATALOG.map(
        (p, i) =>
          (CATALOG_POPULARITY[i] ?? 1) *
          (p.category === favorite ? 3 : 1) *
          (giftSeason && p.category === '세트' ? 3 : 1),
      ),
    );
    anchorWeights.set(key, w);
  }
  return w;
}

function pickOption(product: DemoProduct, optionSeed: number): string {
  if (product.options.length === 0) return '';
  return product.options[optionSeed % product.options.length] ?? '';
}

function pickAnchor(rng: Rng, ctx: BasketContext): DemoProduct {
  const { history } = ctx;
  if (history.length > 0) {
    const r = rng.next();
    if (r < 0.35) {
      const consumables = history.filter((p) => p.consumable);
      if (consumables.length > 0) return rng.pick(consumables);
    } else if (r < 0.6) {
      const owned = new Set(history.map((p) => p.code));
      for (let i = history.length - 1; i >= 0; i--) {
        const next = findNextInRoutine(history[i] as DemoProduct);
        if (next && !owned.has(next.code)) return next;
      }
    }
  }
  return (
    CATALOG[rng.weightedCumulative(weightsFor(ctx.favoriteCategory, ctx.giftSeason))] ?? (CATALOG[0] as DemoProduct)
  );
}

function pickCompanion(rng: Rng, anchor: DemoProduct, kind: string): DemoProduct | undefined {
  const candidates = PRODUCTS_BY_KIND.get(kind);
  if (!candidates || candidates.length === 0) return undefined;
  const sameLine = anchor.line === undefined ? undefined : candidates.find((p) => p.line === anchor.line);
  return sameLine && rng.chance(0.75) ? sameLine : rng.pick(candidates);
}

/** One order's items: an anchor (repurchase, next routine step or a popular product) plus companions. */
export function pickBasket(rng: Rng, ctx: BasketContext): BasketItem[] {
  const anchor = pickAnchor(rng, ctx);
  const products: DemoProduct[] = [anchor];
  for (const [kind, p] of COMPANIONS[anchor.kind] ?? []) {
    if (!rng.chance(p)) continue;
    const c = pickCompanion(rng, anchor, kind);
    if (c) products.push(c);
  }
  if (rng.chance(0.18))
    products.push(CATALOG[rng.weightedCumulative(weightsFor(ctx.favoriteCategory, ctx.giftSeason))] ?? anchor);
  const seen = new Set<string>();
  const items: BasketItem[] = [];
  for (const product of products) {
    if (seen.has(product.code)) continue;
    seen.add(product.code);
    const r = rng.next();
    items.push({ product, option: pickOption(product, ctx.optionSeed), quantity: r < 0.88 ? 1 : r < 0.98 ? 2 : 3 });
  }
  return items;
}
