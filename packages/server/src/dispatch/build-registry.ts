import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import { FcmAdapter } from '../channels/fcm/fcm-adapter.ts';
import { createNhnAdapters } from '../channels/nhn/nhn-adapter.ts';
import { OnsiteAdapter } from '../channels/onsite/onsite-adapter.ts';
import { SmtpAdapter } from '../channels/smtp/smtp-adapter.ts';
import { createSolapiAdapters } from '../channels/solapi/solapi-adapter.ts';
import { WebhookAdapter } from '../channels/webhook/webhook-adapter.ts';
import type { Engine } from '../engines/engine.ts';
import type { ReceiptSecrets } from '../http/receipts-app.ts';
import { type AdapterRegistry, type ChannelRoute, routeFor } from './adapter-registry.ts';
import type { ChannelConfig } from './channel-config.ts';

export interface BuiltRegistry {
  readonly adapters: AdapterRegistry;
  readonly secrets: ReceiptSecrets;
  /** Channel → provider, for the start-up line. */
  readonly summary: Readonly<Partial<Record<ChannelKind, string>>>;
  close(): void;
}

/**
 * Adapters for every provider that has credentials; on-site messages always (they live in the
 * warehouse). Called once by the entry point with the parsed configuration.
 */
export function buildAdapterRegistry(c: ChannelConfig, engine: Engine): BuiltRegistry {
  const adapters: AdapterRegistry = {};
  const closers: (() => void)[] = [];
  const rateOf: Record<string, number | undefined> = {
    solapi: c.DALBIT_RATE_SOLAPI,
    nhn: c.DALBIT_RATE_NHN,
    smtp: c.DALBIT_RATE_SMTP,
    webhook: c.DALBIT_RATE_WEBHOOK,
    fcm: c.DALBIT_RATE_FCM,
  };
  const route = (a: ChannelRoute['adapter']): ChannelRoute => {
    const r = rateOf[a.provider];
    return routeFor(a, {
      ...(r ? { ratePerSecond: r } : {}),
      ...(c.DALBIT_IN_DOUBT ? { inDoubt: c.DALBIT_IN_DOUBT } : {}),
    });
  };
  const solapi =
    c.DALBIT_SOLAPI_API_KEY && c.DALBIT_SOLAPI_API_SECRET
      ? createSolapiAdapters({
          apiKey: c.DALBIT_SOLAPI_API_KEY,
          apiSecret: c.DALBIT_SOLAPI_API_SECRET,
          ...(c.DALBIT_SOLAPI_BASE_URL ? { baseUrl: c.DALBIT_SOLAPI_BASE_URL } : {}),
        })
      : undefined;
  const nhnConfigured = Boolean(
    (c.DALBIT_NHN_ALIMTALK_APP_KEY && c.DALBIT_NHN_ALIMTALK_SECRET_KEY) ||
      (c.DALBIT_NHN_SMS_APP_KEY && c.DALBIT_NHN_SMS_SECRET_KEY),
  );
  const nhn = nhnConfigured
    ? createNhnAdapters({
        ...(c.DALBIT_NHN_ALIMTALK_APP_KEY ? { alimtalkAppKey: c.DALBIT_NHN_ALIMTALK_APP_KEY } : {}),
        ...(c.DALBIT_NHN_ALIMTALK_SECRET_KEY ? { alimtalkSecretKey: c.DALBIT_NHN_ALIMTALK_SECRET_KEY } : {}),
        ...(c.DALBIT_NHN_SMS_APP_KEY ? { smsAppKey: c.DALBIT_NHN_SMS_APP_KEY } : {}),
        ...(c.DALBIT_NHN_SMS_SECRET_KEY ? { smsSecretKey: c.DALBIT_NHN_SMS_SECRET_KEY } : {}),
        ...(c.DALBIT_NHN_ALIMTALK_BASE_URL ? { alimtalkBaseUrl: c.DALBIT_NHN_ALIMTALK_BASE_URL } : {}),
        ...(c.DALBIT_NHN_SMS_BASE_URL ? { smsBaseUrl: c.DALBIT_NHN_SMS_BASE_URL } : {}),
      })
    : undefined;
  const smsVia = c.DALBIT_SMS_PROVIDER ?? (solapi ? 'solapi' : 'nhn');
  const kakaoVia = c.DALBIT_KAKAO_PROVIDER ?? (solapi ? 'solapi' : 'nhn');
  if (smsVia === 'solapi' && solapi) adapters.sms = route(solapi.sms);
  if (smsVia === 'nhn' && nhn && c.DALBIT_NHN_SMS_APP_KEY) adapters.sms = route(nhn.sms);
  if (kakaoVia === 'solapi' && solapi) {
    adapters.kakao_alimtalk = route(solapi.kakao_alimtalk);
    adapters.kakao_brand = route(solapi.kakao_brand);
  }
  if (kakaoVia === 'nhn' && nhn && c.DALBIT_NHN_ALIMTALK_APP_KEY) adapters.kakao_alimtalk = route(nhn.kakao_alimtalk);
  if (!adapters.kakao_brand && solapi) adapters.kakao_brand = route(solapi.kakao_brand);
  if (c.DALBIT_SMTP_HOST) {
    const smtp = new SmtpAdapter({
      host: c.DALBIT_SMTP_HOST,
      port: c.DALBIT_SMTP_PORT ?? 587,
      secure: c.DALBIT_SMTP_SECURE === 'true',
      pool: true,
      ...(c.DALBIT_SMTP_USER && c.DALBIT_SMTP_PASS
        ? { auth: { user: c.DALBIT_SMTP_USER, pass: c.DALBIT_SMTP_PASS } }
        : {}),
    });
    closers.push(() => smtp.close());
    adapters.email = route(smtp);
  }
  if (c.DALBIT_WEBHOOK_URL && c.DALBIT_WEBHOOK_SECRET)
    adapters.webhook = route(new WebhookAdapter({ url: c.DALBIT_WEBHOOK_URL, secret: c.DALBIT_WEBHOOK_SECRET }));
  if (c.DALBIT_FCM_PROJECT_ID && c.DALBIT_FCM_ACCESS_TOKEN) {
    const token = c.DALBIT_FCM_ACCESS_TOKEN;
    adapters.push = route(
      new FcmAdapter({
        projectId: c.DALBIT_FCM_PROJECT_ID,
        getAccessToken: async () => token,
        ...(c.DALBIT_FCM_BASE_URL ? { baseUrl: c.DALBIT_FCM_BASE_URL } : {}),
      }),
    );
  }
  adapters.onsite = route(new OnsiteAdapter(engine));
  const summary = Object.fromEntries(Object.entries(adapters).map(([k, r]) => [k, r.adapter.provider]));
  const callbackSecrets = c.DALBIT_WEBHOOK_CALLBACK_SECRETS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    adapters,
    summary,
    secrets: {
      nhnWebhookSignature: c.DALBIT_NHN_WEBHOOK_SIGNATURE,
      solapiToken: c.DALBIT_SOLAPI_REPORT_TOKEN,
      ...(callbackSecrets && callbackSecrets.length > 0 ? { webhookSecrets: callbackSecrets } : {}),
    },
    close: () => {
      for (const f of closers) f();
    },
  };
}
