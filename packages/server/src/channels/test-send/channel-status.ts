import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import { buildAdapterRegistry } from '../../dispatch/build-registry.ts';
import type { ChannelConfig, ChannelConfigResult } from '../../dispatch/channel-config.ts';
import type { Engine } from '../../engines/engine.ts';

/** The channels the settings page reports on (on-site needs no credentials). */
export const STATUS_CHANNELS = ['sms', 'kakao_alimtalk', 'kakao_brand', 'email', 'webhook', 'push'] as const;
export type StatusChannel = (typeof STATUS_CHANNELS)[number];

/** Channels a test send can reach with only an address (Kakao needs an approved template, push a device token). */
export const TESTABLE_CHANNELS = ['sms', 'email', 'webhook'] as const;
export type TestableChannel = (typeof TESTABLE_CHANNELS)[number];

export function isTestable(c: string): c is TestableChannel {
  return (TESTABLE_CHANNELS as readonly string[]).includes(c);
}

type Key = keyof ChannelConfig;
const SOLAPI: readonly Key[] = ['DALBIT_SOLAPI_API_KEY', 'DALBIT_SOLAPI_API_SECRET'];

/** The variables that turn a channel on, per provider that can carry it (first = the usual one). */
const NEEDS: Readonly<Record<StatusChannel, readonly (readonly Key[])[]>> = {
  sms: [SOLAPI, ['DALBIT_NHN_SMS_APP_KEY', 'DALBIT_NHN_SMS_SECRET_KEY']],
  kakao_alimtalk: [SOLAPI, ['DALBIT_NHN_ALIMTALK_APP_KEY', 'DALBIT_NHN_ALIMTALK_SECRET_KEY']],
  kakao_brand: [SOLAPI],
  email: [['DALBIT_SMTP_HOST']],
  webhook: [['DALBIT_WEBHOOK_URL', 'DALBIT_WEBHOOK_SECRET']],
  push: [['DALBIT_FCM_PROJECT_ID', 'DALBIT_FCM_ACCESS_TOKEN']],
};

/** The names (never the values) of the variables still to set for `channel`: those of the closest provider. */
export function missingKeys(config: ChannelConfig, channel: StatusChannel): string[] {
  const options = NEEDS[channel].map((keys) => keys.filter((k) => !config[k]));
  return [...(options.sort((a, b) => a.length - b.length)[0] ?? [])];
}

export interface ChannelError {
  /** SendErrorCode (never the provider's own text, which may carry an address). */
  readonly code: string;
  readonly at: string;
  readonly source: 'send' | 'test';
}

export interface ChannelStatus {
  readonly channel: StatusChannel;
  /** The provider that carries it (`solapi`, `nhn`, `smtp`, `webhook`, `fcm`), null when not configured. */
  readonly provider: string | null;
  readonly missing: readonly string[];
  /** Variables present with an invalid value (names only). */
  readonly invalid: readonly string[];
  readonly testable: boolean;
  readonly lastError: ChannelError | null;
  readonly lastTestOk: string | null;
}

/** Channel → provider as the dispatcher would build it (the adapters are made and released at once; none connects). */
function providers(config: ChannelConfig, engine: Engine): Partial<Record<ChannelKind, string>> {
  const registry = buildAdapterRegistry(config, engine);
  registry.close();
  return registry.summary;
}

/**
 * Each channel's status: configured through which provider, or which variables are missing, its
 * last error (from a campaign send or a test send, whichever is later) and the last good test.
 */
export async function readChannelStatuses(engine: Engine, setup: ChannelConfigResult): Promise<ChannelStatus[]> {
  const config = setup.ok ? setup.config : {};
  const invalid = setup.ok ? [] : setup.issues.map((i) => i.key);
  const carried = providers(config, engine);
  const errors = await lastErrors(engine);
  const tests = await lastGoodTests(engine);
  return STATUS_CHANNELS.map((channel) => {
    const provider = carried[channel] ?? null;
    return {
      channel,
      provider,
      missing: provider ? [] : missingKeys(config, channel),
      invalid: invalid.filter((k) => NEEDS[channel].some((keys) => (keys as readonly string[]).includes(k))),
      testable: isTestable(channel),
      lastError: errors.get(channel) ?? null,
      lastTestOk: tests.get(channel) ?? null,
    };
  });
}

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

async function lastErrors(engine: Engine): Promise<Map<string, ChannelError>> {
  const { fn } = engine.dialect;
  const rows = await engine.query<{ channel: string; code: string; err_at: unknown; source: string }>(
    `SELECT channel, ${fn.argMax('code', 'err_at')} AS code, max(err_at) AS err_at, ${fn.argMax('source', 'err_at')} AS source FROM (
       SELECT channel, last_error_code AS code, updated_at AS err_at, 'send' AS source FROM messages WHERE last_error_code IS NOT NULL
       UNION ALL
       SELECT channel, error_code AS code, "at" AS err_at, 'test' AS source FROM channel_tests WHERE NOT ok
     ) e GROUP BY channel`,
  );
  return new Map(
    rows.map((r) => [r.channel, { code: r.code, at: iso(r.err_at), source: r.source === 'test' ? 'test' : 'send' }]),
  );
}

async function lastGoodTests(engine: Engine): Promise<Map<string, string>> {
  const rows = await engine.query<{ channel: string; last_ok: unknown }>(
    'SELECT channel, max("at") AS last_ok FROM channel_tests WHERE ok GROUP BY channel',
  );
  return new Map(rows.map((r) => [r.channel, iso(r.last_ok)]));
}
