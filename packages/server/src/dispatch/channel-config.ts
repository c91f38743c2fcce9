import { z } from 'zod';

const opt = z.string().min(1).optional();
const rate = z.coerce.number().positive().optional();

/**
 * Provider credentials and limits from the environment (or a `.env` the operator loads). Never
 * from code; printed only through `redactChannelConfig`.
 */
const ChannelEnv = z.object({
  DALBIT_SOLAPI_API_KEY: opt,
  DALBIT_SOLAPI_API_SECRET: opt,
  DALBIT_SOLAPI_BASE_URL: z.url().optional(),
  DALBIT_SOLAPI_REPORT_TOKEN: opt,
  DALBIT_NHN_ALIMTALK_APP_KEY: opt,
  DALBIT_NHN_ALIMTALK_SECRET_KEY: opt,
  DALBIT_NHN_SMS_APP_KEY: opt,
  DALBIT_NHN_SMS_SECRET_KEY: opt,
  DALBIT_NHN_ALIMTALK_BASE_URL: z.url().optional(),
  DALBIT_NHN_SMS_BASE_URL: z.url().optional(),
  DALBIT_NHN_WEBHOOK_SIGNATURE: opt,
  DALBIT_SMTP_HOST: opt,
  DALBIT_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  DALBIT_SMTP_USER: opt,
  DALBIT_SMTP_PASS: opt,
  DALBIT_SMTP_SECURE: z.enum(['true', 'false']).optional(),
  DALBIT_WEBHOOK_URL: z.url().optional(),
  DALBIT_WEBHOOK_SECRET: opt,
  /** Comma-separated secrets partners sign delivery callbacks with. */
  DALBIT_WEBHOOK_CALLBACK_SECRETS: opt,
  DALBIT_FCM_PROJECT_ID: opt,
  DALBIT_FCM_ACCESS_TOKEN: opt,
  DALBIT_FCM_BASE_URL: z.url().optional(),
  /** Which gateway carries SMS and Kakao when both are configured. */
  DALBIT_SMS_PROVIDER: z.enum(['solapi', 'nhn']).optional(),
  DALBIT_KAKAO_PROVIDER: z.enum(['solapi', 'nhn']).optional(),
  DALBIT_RATE_SOLAPI: rate,
  DALBIT_RATE_NHN: rate,
  DALBIT_RATE_SMTP: rate,
  DALBIT_RATE_WEBHOOK: rate,
  DALBIT_RATE_FCM: rate,
  /** `resend` also resends in-doubt messages of providers that cannot deduplicate (at-least-once). */
  DALBIT_IN_DOUBT: z.enum(['hold', 'resend']).optional(),
});
export type ChannelConfig = z.infer<typeof ChannelEnv>;

export const CHANNEL_SECRET_KEYS = [
  'DALBIT_SOLAPI_API_SECRET',
  'DALBIT_SOLAPI_REPORT_TOKEN',
  'DALBIT_NHN_ALIMTALK_SECRET_KEY',
  'DALBIT_NHN_SMS_SECRET_KEY',
  'DALBIT_NHN_WEBHOOK_SIGNATURE',
  'DALBIT_SMTP_PASS',
  'DALBIT_WEBHOOK_SECRET',
  'DALBIT_WEBHOOK_CALLBACK_SECRETS',
  'DALBIT_FCM_ACCESS_TOKEN',
] as const satisfies readonly (keyof ChannelConfig)[];

export type ChannelConfigResult =
  | { ok: true; config: ChannelConfig }
  | { ok: false; issues: readonly { key: string; message: string }[] };

export function parseChannelConfig(env: Record<string, string | undefined>): ChannelConfigResult {
  const relevant = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('DALBIT_') && v !== ''));
  const r = ChannelEnv.safeParse(relevant);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ key: String(i.path[0] ?? ''), message: i.message })) };
}

/** The configuration with every secret replaced by `***` (for logs and `--verbose`). */
export function redactChannelConfig(c: ChannelConfig): Record<string, string> {
  const secret = new Set<string>(CHANNEL_SECRET_KEYS);
  return Object.fromEntries(
    Object.entries(c).flatMap(([k, v]) => (v === undefined ? [] : [[k, secret.has(k) ? '***' : String(v)]])),
  );
}
