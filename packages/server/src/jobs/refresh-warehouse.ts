import { kstDayStart } from '@dalbit/core/time/kst';
import { refreshRelatedProducts } from '../analytics/basket/warehouse-rules.ts';
import { refreshClvScores } from '../analytics/clv/warehouse-clv.ts';
import { refreshRfmScores } from '../analytics/rfm/warehouse-rfm.ts';
import { computeWarehouseTraits, storeTraits } from '../analytics/traits/warehouse-traits.ts';
import type { Engine } from '../engines/engine.ts';
import { refreshFeatures } from '../segments/refresh-features.ts';
import { refreshSegments } from '../segments/refresh-segments.ts';

export const REFRESH_STEPS = ['rfm', 'related_products', 'clv', 'traits', 'features', 'segments'] as const;
export type RefreshStepName = (typeof REFRESH_STEPS)[number];

export interface RefreshStep {
  readonly step: RefreshStepName;
  readonly ok: boolean;
  readonly tookMs: number;
  /** What the step produced (rows, customers …), or the error message. */
  readonly detail: string;
}

/** Rules for "related products": loose enough for a catalogue of tens of products. */
export const RELATED_PRODUCT_RULES = { support: 0.002, confidence: 0.1, maxlen: 3 } as const;

/**
 * Recomputes everything derived from the warehouse, in dependency order: analytics outputs
 * (RFM, related products, CLV, traits), then the per-customer feature table, then every stored
 * segment's membership (entered/exited rows). Run after each import and daily. A failing step
 * is reported and the later ones still run, so one model that cannot fit (too few repeat
 * buyers) does not leave segments stale.
 */
export async function refreshWarehouse(
  engine: Engine,
  opts: {
    asOfDay: number;
    clock: () => number;
    /** Called before each step starts (progress for the dashboard's refresh button). */
    onStep?: (step: RefreshStepName, index: number) => void;
  },
): Promise<readonly RefreshStep[]> {
  const asOf = kstDayStart(opts.asOfDay);
  const steps: RefreshStep[] = [];
  const run = async (step: RefreshStepName, fn: () => Promise<string>): Promise<void> => {
    opts.onStep?.(step, steps.length);
    const started = opts.clock();
    try {
      const detail = await fn();
      steps.push({ step, ok: true, tookMs: opts.clock() - started, detail });
    } catch (e) {
      steps.push({
        step,
        ok: false,
        tookMs: opts.clock() - started,
        detail: e instanceof Error ? e.message : String(e),
      });
    }
  };
  await run('rfm', async () => {
    return `${await refreshRfmScores(engine, opts.asOfDay)} customers`;
  });
  await run('related_products', async () => {
    const r = await refreshRelatedProducts(engine, {
      asOfDay: opts.asOfDay,
      rules: RELATED_PRODUCT_RULES,
      computedBy: 'refresh',
      now: new Date(),
    });
    return `${r.set.rules.length} rules, ${r.customers} customers, ${r.rows} rows`;
  });
  await run('clv', async () => {
    return `${await refreshClvScores(engine, opts.asOfDay)} customers`;
  });
  await run('traits', async () => {
    const traits = await computeWarehouseTraits(engine, asOf);
    return `${await storeTraits(engine, traits, asOf)} customers`;
  });
  await run('features', async () => `${(await refreshFeatures(engine, { asOf })).customers} customers`);
  await run('segments', async () => {
    const r = await refreshSegments(engine, { asOf });
    const skipped = r.skipped.length
      ? `, ${r.skipped.length} skipped (${r.skipped.map((s) => `${s.segmentId}: ${s.reason}`).join(', ')})`
      : '';
    return `${r.refreshed.length} segments${skipped}`;
  });
  return steps;
}
