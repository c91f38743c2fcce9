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
import { type PackedLines, unpackLines } from '../analytics/basket/packed-lines.ts';
import { fitClvRun, type WarehouseClvRun } from '../analytics/clv/clv-run.ts';
import { float64Column, int32Column, splitJoined } from './packed-columns.ts';

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
  readonly lines: PackedLines;
  readonly level: BasketLevel;
  readonly rules: MineRulesOptions;
  /** When set: every customer's top `related` items by the mined rules, customers in id order. */
  readonly related?: number;
}

/**
 * Every customer's related items as columns, customers in id order: row `i` is customer
 * `customers[customer[i]]` of the input lines, `rank[i]` (1-based), item `items[item[i]]`, `score[i]`.
 */
export interface PackedRelated {
  readonly customer: Int32Array;
  readonly rank: Int32Array;
  readonly item: Int32Array;
  readonly score: Float64Array;
}

export interface RulesOutput {
  readonly set: RuleSet;
  readonly related: PackedRelated;
  readonly customersWithRelated: number;
}

function relateCustomers(input: RulesInput, lines: readonly PurchaseLine[], set: RuleSet): Omit<RulesOutput, 'set'> {
  const bought = new Map<string, Set<string>>();
  for (const l of lines) {
    if (l.customerId === null) continue;
    const s = bought.get(l.customerId);
    if (s) s.add(l.item);
    else bought.set(l.customerId, new Set([l.item]));
  }
  const customerNo = new Map(splitJoined(input.lines.customers, input.lines.customerCount).map((c, i) => [c, i]));
  const itemNo = new Map(input.lines.items.map((item, i) => [item, i]));
  const index = indexRules(toRuleRecords(set));
  const [customer, rank, item, score] = [int32Column(), int32Column(), int32Column(), float64Column()];
  let customersWithRelated = 0;
  for (const [customerId, items] of [...bought].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const found = relatedFor(index, items, input.related ?? 0);
    if (found.length > 0) customersWithRelated++;
    found.forEach((r, i) => {
      customer.push(customerNo.get(customerId) as number);
      rank.push(i + 1);
      item.push(itemNo.get(r.item) as number);
      score.push(r.score);
    });
  }
  const related = { customer: customer.done(), rank: rank.done(), item: item.done(), score: score.done() };
  return { related, customersWithRelated };
}

function mineAndRelate(input: RulesInput): RulesOutput {
  const lines = unpackLines(input.lines);
  const set = mineRules(buildTransactions(toTransactionRows(lines, input.level)), input.rules);
  if (input.related === undefined) {
    const none = {
      customer: new Int32Array(0),
      rank: new Int32Array(0),
      item: new Int32Array(0),
      score: new Float64Array(0),
    };
    return { set, related: none, customersWithRelated: 0 };
  }
  return { set, ...relateCustomers(input, lines, set) };
}

/** `clv_scores` rows as columns: customer ids joined by NUL, then one value per customer each. */
export interface PackedClvScores {
  readonly ids: string;
  readonly pAlive: Float64Array;
  readonly p30: Float64Array;
  readonly p90: Float64Array;
  /** Expected spend per order (the mean order value without a Gamma-Gamma fit). */
  readonly spend: Float64Array;
  /** Expected purchases in a year × spend. */
  readonly value: Float64Array;
}

/** A CLV run reduced to what `clv_scores` stores, as columns (see `refreshClvScores`). */
function clvScoreColumns(input: { purchases: PackedPurchases; asOfDay: number }): PackedClvScores {
  const run = fitClvRun(unpackPurchases(input.purchases), input.asOfDay);
  const n = run.scores.length;
  const out = { pAlive: new Float64Array(n), p30: new Float64Array(n), p90: new Float64Array(n) };
  const spend = new Float64Array(n);
  const value = new Float64Array(n);
  run.scores.forEach((s, i) => {
    const [p30 = 0, p90 = 0, p365 = 0] = s.expectedPurchases;
    const perOrder = s.expectedSpend ?? run.meanOrderValue;
    out.pAlive[i] = s.pAlive;
    out.p30[i] = p30;
    out.p90[i] = p90;
    spend[i] = perOrder;
    value[i] = p365 * perOrder;
  });
  return { ids: run.scores.map((s) => s.customerId).join('\u0000'), ...out, spend, value };
}

/** Every task the fit worker knows: name → pure function. */
export const FIT_TASKS = {
  clv: (input: { purchases: PackedPurchases; asOfDay: number }): WarehouseClvRun =>
    fitClvRun(unpackPurchases(input.purchases), input.asOfDay),
  /** `findCheapGross` over every order's gross amount: their median. */
  cheapGross: (input: { grossAmounts: Float64Array }): number => median([...input.grossAmounts]) ?? 0,
  traits: (input: { inputs: readonly TraitInput[]; cheapGross: number }): CustomerTraits[] =>
    computeTraits(input.inputs, { cheapGross: input.cheapGross }),
  clvScores: clvScoreColumns,
  rules: mineAndRelate,
  rfm: scorePackedRfm,
} as const;

export type FitTaskName = keyof typeof FIT_TASKS;
export type FitInput<K extends FitTaskName> = Parameters<(typeof FIT_TASKS)[K]>[0];
export type FitOutput<K extends FitTaskName> = ReturnType<(typeof FIT_TASKS)[K]>;
