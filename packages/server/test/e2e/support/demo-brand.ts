import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import { fromKst, isoDateToKstDay } from '@dalbit/core/time/kst';
import { type DemoRunSummary, runDemo } from '../../../src/demo/run-demo.ts';
import type { Engine } from '../../../src/engines/engine.ts';
import { openWarehouse } from '../../../src/engines/open-engine.ts';
import { type RefreshStep, refreshWarehouse } from '../../../src/jobs/refresh-warehouse.ts';

/** The demo brand's data ends on this KST day; files are exported and imported the next morning. */
export const DATA_LAST_DAY = '2026-11-15';
export const IMPORTED_AT = new Date('2026-11-16T00:00:00Z');
export const REFRESH_DAY = '2026-11-16';

/** Brand settings every ad needs (sender, 080 number); holiday avoidance off so dates stay simple. */
export const POLICY = CompliancePolicySchema.parse({
  sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
  holidays: { avoidLunarHolidays: false },
});
export const COUPON_SECRET = 'e2e-coupon-secret';
export const SMS_FROM = '0212345678';
export const PF_ID = 'KA01PF-dalbit';
export const SENDER = {
  smsFrom: SMS_FROM,
  kakaoSenderKey: PF_ID,
  email: { name: '달빛상회', address: 'news@dalbit.test' },
  unsubscribeUrl: 'https://dalbit.test/u/{unsubscribe_token}',
} as const;

/** KST wall-clock instant: kst('2026-11-17', '10:30'). */
export const kst = (day: string, clock = '00:00'): Date => {
  const [h, m] = clock.split(':').map(Number);
  return fromKst(day, (h ?? 0) * 60 + (m ?? 0));
};

export interface DemoBrand {
  readonly dir: string;
  readonly engine: Engine;
  readonly demo: DemoRunSummary;
  readonly refresh: readonly RefreshStep[];
  close(): Promise<void>;
}

/**
 * A demo brand in a real DuckDB file: generated export files (Cafe24, SmartStore, marketplaces,
 * POS, events) imported through the real importer, then the warehouse refresh job.
 */
export async function openDemoBrand(p: {
  customers: number;
  seed: number;
  eventsPerCustomer: number;
}): Promise<DemoBrand> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-e2e-'));
  const engine = await openWarehouse({ dataDir: dir });
  const demo = await runDemo(engine, {
    params: DemoParamsSchema.parse({ ...p, asOf: DATA_LAST_DAY }),
    outDir: join(dir, 'demo-files'),
    now: IMPORTED_AT,
  });
  const refresh = await refreshWarehouse(engine, {
    asOfDay: isoDateToKstDay(REFRESH_DAY) ?? 0,
    clock: () => performance.now(),
  });
  return {
    dir,
    engine,
    demo,
    refresh,
    async close() {
      await engine.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row counts as plain numbers. */
export async function count(engine: Engine, sqlText: string): Promise<number> {
  const [r] = await engine.query<{ n: number | bigint }>(sqlText);
  return Number(r?.n ?? 0);
}

/** `SELECT k, count(*) n … GROUP BY k` → { k: n }. */
export async function countBy(engine: Engine, sqlText: string): Promise<Record<string, number>> {
  const rows = await engine.query<{ k: string | null; n: number | bigint }>(sqlText);
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}
