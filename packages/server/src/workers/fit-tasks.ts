import { type BasketLevel, type PurchaseLine, toTransactionRows } from '@dalbit/core/analytics/basket/basket-level';
import { toRuleRecords } from '@dalbit/core/analytics/basket/format-rules';
import { type MineRulesOptions, mineRules } from '@dalbit/core/analytics/basket/mine-rules';
import { indexRules, relatedFor } from '@dalbit/core/analytics/basket/related-products';
import type { RuleSet } from '@dalbit/core/analytics/basket/rule';
import { buildTransactions } from '@dalbit/core/analytics/basket/transactions';
import type { DatedPurchase } from '@dalbit/core/analytics/clv/build-cbs';
import { scoreRfm } from '@dalbit/core/analytics/rfm/score-rfm';
import { computeTraits } from '@dalbit/core/analytics/traits/compute-traits';
import type { CustomerTraits } from '@dalbit/core/analytics/traits/customer-traits';
import { median } from '@dalbit/core/analytics/traits/median';
import type { TraitInput } from '@dalbit/core/analytics/traits/trait-inputs';
import { fitClvRun, type WarehouseClvRun } from '../analytics/clv/clv-run.ts';

/**
 * The CPU-heavy model fits, as pure functions over plain data: what the fit worker runs off the
 * event loop (`run-fit.ts`). Inputs and outputs cross threads by structured clone, so big inputs
 * travel as columns (typed arrays move without copying).
 */

/** Dated purchases as columns: `ids[who[i]]` bought on `day[i]` for `amount[i]`. */
export interface PackedPurchases {
  readonly ids: readonly string[];
  readonly who: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
}

export function packPurchases(purchases: readonly DatedPurchase[]): PackedPurchases {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const who = new Int32Array(purchases.length);
  const day = new Int32Array(purchases.length);
  const amount = new Float64Array(purchases.length);
  purchases.forEach((p, i) => {
    let k = index.get(p.customerId);
    if (k === undefined) {
      k = ids.length;
      index.set(p.customerId, k);
      ids.push(p.customerId);
    }
    who[i] = k;
    day[i] = p.day;
    amount[i] = p.amount;
  });
  return { ids, who, day, amount };
}

export function unpackPurchases(p: PackedPurchases): DatedPurchase[] {
  const out: DatedPurchase[] = new Array(p.who.length);
  for (let i = 0; i < p.who.length; i++)
    out[i] = {
      customerId: p.ids[p.who[i] as number] as string,
      day: p.day[i] as number,
      amount: p.amount[i] as number,
    };
  return out;
}

/**
 * RFM metrics as columns: customer ids joined by NUL (one string crosses threads as one copy, where
 * a million small objects take seconds to clone on the event loop), recency, frequency, monetary.
 */
export interface PackedRfmMetrics {
  readonly ids: string;
  readonly recency: Int32Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
}

/** Quintile scores of packed metrics, same order: three sorts of every customer, off the event loop. */
function scorePackedRfm(p: PackedRfmMetrics): { r: Uint8Array; f: Uint8Array; m: Uint8Array } {
  const ids = p.recency.length === 0 ? [] : p.ids.split('\u0000');
  const scores = scoreRfm(
    ids.map((customerId, i) => ({
      customerId,
      recencyDays: p.recency[i] as number,
      frequency: p.frequency[i] as number,
      monetary: p.monetary[i] as number,
    })),
  );
  const out = { r: new Uint8Array(ids.length), f: new Uint8Array(ids.length), m: new Uint8Array(ids.length) };
  scores.forEach((s, i) => {
    out.r[i] = s.r;
    out.f[i] = s.f;
    out.m[i] = s.m;
  });
  return out;
}

export interface RulesInput {
  readonly lines: readonly PurchaseLine[];
  readonly level: BasketLevel;
  readonly rules: MineRulesOptions;
  /** When set: every customer's top `related` items by the mined rules, customers in id order. */
  readonly related?: number;
}

export interface RulesOutput {
  readonly set: RuleSet;
  /** [customerId, rank (1-based), item, score] per customer with a related item. */
  readonly related: readonly (readonly [string, number, string, number])[];
  readonly customersWithRelated: number;
}

function mineAndRelate(input: RulesInput): RulesOutput {
  const set = mineRules(buildTransactions(toTransactionRows(input.lines, input.level)), input.rules);
  if (input.related === undefined) return { set, related: [], customersWithRelated: 0 };
  const bought = new Map<string, Set<string>>();
  for (const l of input.lines) {
    if (l.customerId === null) continue;
    const s = bought.get(l.customerId);
    if (s) s.add(l.item);
    else bought.set(l.customerId, new Set([l.item]));
  }
  const index = indexRules(toRuleRecords(set));
  const related: [string, number, string, number][] = [];
  let customersWithRelated = 0;
  for (const [customerId, items] of [...bought].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const found = relatedFor(index, items, input.related);
    if (found.length > 0) customersWithRelated++;
    found.forEach((r, i) => {
      related.push([customerId, i + 1, r.item, r.score]);
    });
  }
  return { set, related, customersWithRelated };
}

/** Every task the fit worker knows: name → pure function. */
export const FIT_TASKS = {
  clv: (input: { purchases: PackedPurchases; asOfDay: number }): WarehouseClvRun =>
    fitClvRun(unpackPurchases(input.purchases), input.asOfDay),
  /** `findCheapGross` over every order's gross amount: their median. */
  cheapGross: (input: { grossAmounts: Float64Array }): number => median([...input.grossAmounts]) ?? 0,
  traits: (input: { inputs: readonly TraitInput[]; cheapGross: number }): CustomerTraits[] =>
    computeTraits(input.inputs, { cheapGross: input.cheapGross }),
  rules: mineAndRelate,
  rfm: scorePackedRfm,
} as const;

export type FitTaskName = keyof typeof FIT_TASKS;
export type FitInput<K extends FitTaskName> = Parameters<(typeof FIT_TASKS)[K]>[0];
export type FitOutput<K extends FitTaskName> = ReturnType<(typeof FIT_TASKS)[K]>;
