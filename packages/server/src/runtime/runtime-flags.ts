import type { MessageKey } from '@dalbit/core/i18n/catalog';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseDailyTime } from './daily-due.ts';

const Duration = z
  .string()
  .regex(/^\d+(ms|s|m)?$/, 'use 500ms, 30s or 2m (bare numbers are seconds)')
  .transform((v) => {
    const n = Number.parseInt(v, 10);
    return v.endsWith('ms') ? n : v.endsWith('m') ? n * 60_000 : n * 1000;
  })
  .refine((ms) => ms >= 100, 'at least 100ms');

export const RuntimeFlags = z.object({
  scheduler: z.boolean().default(true),
  schedulerInterval: Duration.default(60_000),
  dispatcher: z.boolean().default(true),
  dispatchInterval: Duration.default(1000),
  dailyRefresh: z.boolean().default(true),
  refreshAt: z
    .string()
    .default('04:00')
    .transform((v, ctx) => {
      const m = parseDailyTime(v);
      if (m === undefined) ctx.addIssue({ code: 'custom', message: 'use HH:MM (KST, 00:00–23:59)' });
      return m ?? 0;
    }),
  reconfirmation: z.boolean().default(true),
  reconfirmAt: z
    .string()
    .default('10:00')
    .transform((v, ctx) => {
      const m = parseDailyTime(v);
      if (m === undefined) ctx.addIssue({ code: 'custom', message: 'use HH:MM (KST, 00:00–23:59)' });
      return m ?? 0;
    }),
});
export type RuntimeFlags = z.infer<typeof RuntimeFlags>;

const FLAG_NAMES: Record<string, string> = {
  schedulerInterval: '--scheduler-interval',
  dispatchInterval: '--dispatch-interval',
  refreshAt: '--refresh-at',
  reconfirmAt: '--reconfirm-at',
};

/** The embedded runtime's switches on `dalbit serve`. */
export function withRuntimeOptions(c: Command, t: (key: MessageKey) => string): Command {
  return c
    .option('--no-scheduler', t('cli.serve.opt.noScheduler'))
    .option('--scheduler-interval <duration>', t('cli.serve.opt.schedulerInterval'))
    .option('--no-dispatcher', t('cli.serve.opt.noDispatcher'))
    .option('--dispatch-interval <duration>', t('cli.serve.opt.dispatchInterval'))
    .option('--refresh-at <HH:MM>', t('cli.serve.opt.refreshAt'))
    .option('--no-daily-refresh', t('cli.serve.opt.noDailyRefresh'))
    .option('--reconfirm-at <HH:MM>', t('cli.serve.opt.reconfirmAt'))
    .option('--no-reconfirmation', t('cli.serve.opt.noReconfirmation'));
}

/** Parses the flags; `issues` are ready to print (one line per flag). */
export function parseRuntimeFlags(
  raw: Record<string, unknown>,
): { ok: true; flags: RuntimeFlags } | { ok: false; issues: readonly string[] } {
  const r = RuntimeFlags.safeParse({
    scheduler: raw.scheduler,
    schedulerInterval: raw.schedulerInterval,
    dispatcher: raw.dispatcher,
    dispatchInterval: raw.dispatchInterval,
    dailyRefresh: raw.dailyRefresh,
    refreshAt: raw.refreshAt,
    reconfirmation: raw.reconfirmation,
    reconfirmAt: raw.reconfirmAt,
  });
  if (r.success) return { ok: true, flags: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => `${FLAG_NAMES[String(i.path[0])] ?? `--${String(i.path[0])}`}: ${i.message}`),
  };
}
