import { hostname } from 'node:os';
import { domainError } from '@dalbit/core/errors/dalbit-error';
import { loadCouponSecret } from '../campaigns/campaign-settings.ts';
import { loadEffectivePolicy } from '../campaigns/load-effective-policy.ts';
import type { ConnectorDeps } from '../connectors/connector-deps.ts';
import { parseChannelConfig } from '../dispatch/channel-config.ts';
import type { Engine } from '../engines/engine.ts';
import { SYSTEM_CLOCK } from './runtime-clock.ts';
import type { RuntimeFlags } from './runtime-flags.ts';
import { createRuntime, type EmbeddedRuntime } from './start-runtime.ts';

/** A configuration problem found before anything starts (bad channel variables): the user fixes the environment. */
export class RuntimeConfigError extends domainError<'BAD_CHANNEL_CONFIG'>('RuntimeConfigError', {
  BAD_CHANNEL_CONFIG: 'usage',
}) {}

/**
 * The runtime `dalbit serve` starts: the compliance policy (warehouse settings, else the data
 * directory's file; re-read before each scheduler pass), the coupon secret, and channel
 * credentials from the environment, as `dalbit campaign run` and `dalbit dispatcher` read them,
 * on the system clock.
 */
export async function createServeRuntime(input: {
  engine: Engine;
  dataDir: string;
  env: Record<string, string | undefined>;
  lang: 'ko' | 'en';
  log: (line: string) => void;
  flags: RuntimeFlags;
  /** Shop connectors: due connections sync every minute's check. */
  connectors?: ConnectorDeps | undefined;
}): Promise<EmbeddedRuntime> {
  const { flags } = input;
  const channels = flags.dispatcher ? parseChannelConfig(input.env) : undefined;
  if (channels && !channels.ok)
    throw new RuntimeConfigError('BAD_CHANNEL_CONFIG', channels.issues.map((i) => `${i.key}: ${i.message}`).join('\n'));
  const { engine, dataDir } = input;
  const { policy } = await loadEffectivePolicy(engine, { dataDir });
  const secret = flags.scheduler || flags.reconfirmation ? await loadCouponSecret(dataDir, input.env) : '';
  return createRuntime({
    engine: input.engine,
    clock: SYSTEM_CLOCK,
    log: input.log,
    lang: input.lang,
    policy,
    loadPolicy: async () => (await loadEffectivePolicy(engine, { dataDir })).policy,
    scheduler: flags.scheduler ? { intervalMs: flags.schedulerInterval, couponSecret: secret } : undefined,
    dispatcher:
      channels?.ok === true
        ? { intervalMs: flags.dispatchInterval, channels: channels.config, workerId: `${hostname()}:${process.pid}` }
        : undefined,
    dailyRefresh: flags.dailyRefresh ? { minuteOfDay: flags.refreshAt, checkMs: 60_000 } : undefined,
    reconfirmation: flags.reconfirmation ? { minuteOfDay: flags.reconfirmAt, checkMs: 60_000, secret } : undefined,
    connectors: input.connectors ? { checkMs: 60_000, deps: input.connectors } : undefined,
  });
}
