import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { toKstDay } from '@dalbit/core/time/kst';
import { warehouseChanged } from '../analytics/derived-results.ts';
import type { Engine } from '../engines/engine.ts';
import { refreshWarehouse } from '../jobs/refresh-warehouse.ts';
import { isDailyRunDue } from './daily-due.ts';
import type { PassResult } from './run-loop.ts';

export interface DailyRefreshDeps {
  readonly engine: Engine;
  readonly now: () => Date;
  /** KST wall-clock minute of the day (04:00 → 240). */
  readonly minuteOfDay: number;
  readonly lang: Lang;
}

/**
 * Checks whether the clock crossed the daily refresh time since the last check and, if so,
 * refreshes analytics, features and segment memberships as of that KST day. A pass that throws
 * leaves the mark where it was, so the next tick tries again.
 */
export function createDailyRefreshPass(d: DailyRefreshDeps): () => Promise<PassResult> {
  let since = d.now();
  return async () => {
    const now = d.now();
    if (!isDailyRunDue({ since, now, minuteOfDay: d.minuteOfDay })) {
      since = now;
      return {};
    }
    const steps = await refreshWarehouse(d.engine, { asOfDay: toKstDay(now), clock: () => performance.now() });
    warehouseChanged(d.engine);
    since = now;
    const failed = steps.filter((s) => !s.ok);
    const detail = steps.map((s) => `${s.step} ${s.ok ? s.detail : `✗ ${s.detail}`}`).join(' · ');
    return {
      line: translate(d.lang, 'runtime.dailyRefreshPass', {
        ok: steps.length - failed.length,
        steps: steps.length,
        detail,
      }),
    };
  };
}
