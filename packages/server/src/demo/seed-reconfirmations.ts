import { addKstDays, fromKst, toKst } from '@dalbit/core/time/kst';
import { readComplianceSettings } from '../campaigns/compliance-settings.ts';
import { type ReconfirmationRun, runReconfirmation } from '../consent/reconfirmation-run.ts';
import type { Engine } from '../engines/engine.ts';
import { markDemoDelivered } from './mark-demo-delivered.ts';

const WEEK = 7;

/** 10:00 KST on `from`'s day and every week after, up to `to`; `to` itself last when it falls between. */
function passTimes(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let day = toKst(from).dateKey; ; day = addKstDays(day, WEEK)) {
    const at = fromKst(day, 600);
    if (at.getTime() > to.getTime()) break;
    out.push(at);
  }
  if ((out.at(-1)?.getTime() ?? 0) < to.getTime()) out.push(to);
  return out;
}

/**
 * The demo brand's two-year consent re-confirmation as `dalbit serve` would have run it from the
 * day the data ends to `now` (a pass a week: the notices of each pass went out then — provider
 * `demo`, delivered — except the last pass's, left waiting for the dispatcher). Email is refused
 * when the demo's campaigns have no email sender.
 */
export async function seedDemoReconfirmations(
  engine: Engine,
  opts: { asOf: Date; now: Date },
): Promise<ReconfirmationRun[]> {
  const { policy } = await readComplianceSettings(engine);
  const runs: ReconfirmationRun[] = [];
  const times = passTimes(opts.asOf, opts.now);
  for (const [i, now] of times.entries()) {
    runs.push(await runReconfirmation(engine, { now, policy }));
    if (i < times.length - 1)
      await markDemoDelivered(
        engine,
        () => "m.step_id = 'reconfirmation' AND m.campaign_id IS NULL AND m.status = 'queued'",
      );
  }
  return runs;
}
