import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { lunarToSolarIso } from '@dalbit/core/time/lunar';
import { runScheduler } from '../campaigns/run-scheduler.ts';
import type { Engine } from '../engines/engine.ts';
import { addNewCustomerFeatures } from '../segments/refresh-features.ts';
import type { PassResult } from './run-loop.ts';

export interface SchedulerPassDeps {
  readonly engine: Engine;
  readonly now: () => Date;
  readonly policy: CompliancePolicy;
  /** Reads the current policy before each pass (settings changed in the dashboard apply at once). */
  readonly loadPolicy?: (() => Promise<CompliancePolicy>) | undefined;
  readonly couponSecret: string;
  readonly lang: Lang;
}

/**
 * One scheduler pass over every active campaign, as of the clock (safe to repeat: 0007). Customers
 * created since the last refresh get their audience row first, so a new sign-up's tracked event
 * reaches event-based audiences at this pass too.
 */
export function createSchedulerPass(d: SchedulerPassDeps): () => Promise<PassResult> {
  return async () => {
    const now = d.now();
    await addNewCustomerFeatures(d.engine, now);
    const s = await runScheduler(d.engine, {
      now,
      policy: d.loadPolicy ? await d.loadPolicy() : d.policy,
      couponSecret: d.couponSecret,
      toSolar: lunarToSolarIso,
    });
    const { touches, queued, deferred, blocked, holdout } = s;
    const counts = { campaigns: s.campaigns.length, touches, queued, deferred, blocked, holdout };
    return { line: translate(d.lang, 'runtime.schedulerPass', counts) };
  };
}
