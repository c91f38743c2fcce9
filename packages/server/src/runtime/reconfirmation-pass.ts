import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { runReconfirmation } from '../consent/reconfirmation-run.ts';
import type { Engine } from '../engines/engine.ts';
import { isDailyRunDue } from './daily-due.ts';
import type { PassResult } from './run-loop.ts';

export interface ReconfirmationPassDeps {
  readonly engine: Engine;
  readonly now: () => Date;
  readonly loadPolicy: () => Promise<CompliancePolicy>;
  /** KST wall-clock minute of the day the notices are planned (10:00 → 600: daytime, not at night). */
  readonly minuteOfDay: number;
  /** Signs email unsubscribe links (the brand secret the scheduler uses). */
  readonly secret?: string | undefined;
  readonly lang: Lang;
}

/**
 * Once a day at `minuteOfDay` KST: records the notices sent, lapses consents whose notice never
 * left, and plans the notices now due into the outbox (the dispatcher sends them). A pass that
 * throws leaves the mark where it was, so the next check tries again.
 */
export function createReconfirmationPass(d: ReconfirmationPassDeps): () => Promise<PassResult> {
  let since = d.now();
  const lang = d.lang;
  return async () => {
    const now = d.now();
    if (!isDailyRunDue({ since, now, minuteOfDay: d.minuteOfDay })) {
      since = now;
      return {};
    }
    const r = await runReconfirmation(d.engine, { now, policy: await d.loadPolicy(), secret: d.secret });
    since = now;
    const refused = r.refused.map((x) =>
      translate(lang, 'reconfirm.log.refused', {
        channel: translate(lang, `reconfirm.channel.${x.channel}`),
        waiting: x.waiting,
        missing: x.missing.map((m) => translate(lang, `reconfirm.missing.${m as 'name'}`)).join(', '),
      }),
    );
    const line = translate(lang, 'reconfirm.log.pass', {
      queued: r.queued,
      unreachable: r.unreachable,
      recorded: r.recorded,
      lapsed: r.lapsed,
    });
    return { line: [line, ...refused].join(' · ') };
  };
}
