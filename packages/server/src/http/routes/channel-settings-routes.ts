import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { readComplianceSettings } from '../../campaigns/compliance-settings.ts';
import { readChannelStatuses, STATUS_CHANNELS } from '../../channels/test-send/channel-status.ts';
import { sendTestMessage } from '../../channels/test-send/send-test-message.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, clientIp } from '../caller.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Status = z.object({
  channel: z.enum(STATUS_CHANNELS),
  provider: z.string().nullable().describe('solapi, nhn, smtp, webhook or fcm; null when not configured'),
  missing: z.array(z.string()).describe('names of the environment variables still to set (never values)'),
  invalid: z.array(z.string()).describe('names of variables set to an invalid value'),
  testable: z.boolean(),
  lastError: z
    .object({ code: z.string(), at: z.iso.datetime(), source: z.enum(['send', 'test']) })
    .nullable()
    .describe('the latest failure of a campaign send or a test send (the send error code only)'),
  lastTestOk: z.iso.datetime().nullable(),
});

const TestBody = z.object({
  to: z.string().max(320).describe('mobile number (sms), email address (email) or a label (webhook)'),
  from: z.string().max(320).optional().describe('registered SMS sender number or email From address'),
});

/** Channel credentials' status (names, never values) and a test send through the real adapter. */
export function channelSettingsRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const setup = deps.channels ?? { ok: true as const, config: {} };
  const trustedProxy = (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy;
  return [
    defineRoute({
      method: 'get',
      path: '/api/settings/channels',
      tag: 'settings',
      access: 'read',
      summary: 'Each sending channel: configured through which provider, missing variables, last error',
      responses: { 200: { description: 'one row per channel', schema: z.object({ channels: z.array(Status) }) } },
      handle: async ({ c }) => sendJson(c, { channels: await readChannelStatuses(engine, setup) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/settings/channels/{channel}/test',
      tag: 'settings',
      access: 'campaign.launch',
      summary: 'Send one real test message through the channel to an address the caller types (access-logged)',
      params: z.object({ channel: z.string().min(1).max(40) }),
      body: TestBody,
      responses: {
        200: {
          description: 'the provider accepted it',
          schema: z.object({ channel: z.string(), provider: z.string(), providerMessageId: z.string() }),
        },
        400: { description: 'TEST_SEND_INVALID (field in issues) or CHANNEL_NOT_TESTABLE' },
        409: { description: 'CHANNEL_NOT_CONFIGURED: the variables to set are named' },
        422: { description: 'TEST_SEND_<code>: the provider refused it (AUTH_FAILED, BAD_RECIPIENT …)' },
        503: { description: 'TEST_SEND_PROVIDER_DOWN / TEST_SEND_RATE_LIMITED' },
      },
      handle: async ({ params, body, c }) => {
        const { policy } = await readComplianceSettings(engine);
        const who = {
          actor: actorOf(c, trustedProxy),
          origin: clientIp(c, trustedProxy),
          at: deps.now(),
          senderName: policy.sender.name,
        };
        return sendJson(c, await sendTestMessage(engine, setup, { channel: params.channel, ...body }, who));
      },
    }),
  ];
}
