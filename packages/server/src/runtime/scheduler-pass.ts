import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { lunarToSolarIso } from '@dalbit/core/time/lunar';
import { runScheduler } from '../campaigns/run-scheduler.ts';
import type { Engine } from '../engines/engine.ts';
import type { PassResult } from './run-loop.ts';

export interface SchedulerPassDeps {
  readonly engine: Engine;
  readonly now: () => Date;
  readonly policy: CompliancePolicy;
  /** Reads the current policy before each pass (settings changed in the dashboard apply at once). */
  readonly loadPolicy?: (() => Promise<CompliancePolicy>) | undefined;
  readonly couponSecret: string;
  readonly ko: boolean;
}

/** One scheduler pass over every active campaign, as of the clock (safe to repeat: 0007). */
export function createSchedulerPass(d: SchedulerPassDeps): () => Promise<PassResult> {
  return async () => {
    const s = await runScheduler(d.engine, {
      now: d.now(),
      policy: d.loadPolicy ? await d.loadPolicy() : d.policy,
      couponSecret: d.couponSecret,
      toSolar: lunarToSolarIso,
    });
    const line = d.ko
      ? `캠페인 ${s.campaigns.length}개 · 대상 ${s.touches}: 대기열 ${s.queued} · 연기 ${s.deferred} · 차단 ${s.blocked} · 대조군 ${s.holdout}`
      : `${s.campaigns.length} campaigns · touches ${s.touches}: queued ${s.queued} · deferred ${s.deferred} · blocked ${s.blocked} · holdout ${s.holdout}`;
    return { line };
  };
}
