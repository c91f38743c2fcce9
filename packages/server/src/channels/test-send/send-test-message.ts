import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { isSendError, SEND_RETRYABLE, type SendErrorCode } from '@dalbit/core/channels/send-error';
import { CHANNEL_TESTS } from '@dalbit/core/channels/tables';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import { toDomesticDigits } from '@dalbit/core/phone/phone';
import { columnNames } from '@dalbit/core/schema/table';
import { maskEmail, maskPhone } from '@dalbit/core/segments/export/mask';
import { z } from 'zod';
import { buildAdapterRegistry } from '../../dispatch/build-registry.ts';
import type { ChannelConfigResult } from '../../dispatch/channel-config.ts';
import type { Engine } from '../../engines/engine.ts';
import { appendAccessLog } from '../../http/access-log.ts';
import { isTestable, missingKeys, type TestableChannel } from './channel-status.ts';

export interface TestSendInput {
  readonly channel: string;
  /** Mobile number (SMS), email address, or a label carried in the webhook payload. */
  readonly to: string;
  /** SMS sender number or email From address; ignored for webhooks. */
  readonly from?: string | undefined;
}

export interface TestSendWho {
  readonly actor: string;
  readonly origin: string | null;
  readonly at: Date;
  /** The brand name from the sender settings (email From name). */
  readonly senderName: string;
}

export interface TestSendResult {
  readonly channel: TestableChannel;
  readonly provider: string;
  readonly providerMessageId: string;
}

const ko = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => translate('ko', key, params);
const Email = z.email();

function invalid(field: 'to' | 'from', key: MessageKey): DalbitError {
  const message = ko(key);
  return new DalbitError({
    code: 'TEST_SEND_INVALID',
    kind: 'invalid_input',
    message,
    issues: [{ path: ['body', field], message, code: 'TEST_SEND_INVALID' }],
  });
}

/** The one message of a test send, or the field that is wrong (nothing sent, nothing written). */
function testMessage(channel: TestableChannel, input: TestSendInput, who: TestSendWho): OutboundMessage {
  const label = ko(`web.channel.${channel}`);
  const text = ko('studio.channels.testText', { channel: label });
  const to = input.to.trim();
  const from = (input.from ?? '').trim();
  if (channel === 'sms') {
    const digits = toDomesticDigits(to);
    if (!digits || !/^01[016789]/.test(digits)) throw invalid('to', 'studio.channels.error.phone');
    const sender = from.replace(/[^0-9]/g, '');
    if (!/^\d{8,12}$/.test(sender) || /[^0-9\s-]/.test(from)) throw invalid('from', 'studio.channels.error.from');
    return { channel, purpose: 'info', to: digits, from: sender, kind: 'SMS', text };
  }
  if (channel === 'email') {
    if (!Email.safeParse(to).success) throw invalid('to', 'studio.channels.error.email');
    if (!Email.safeParse(from).success) throw invalid('from', 'studio.channels.error.email');
    const subject = ko('studio.channels.testSubject');
    return { channel, purpose: 'info', to, from: { name: who.senderName || 'Dalbit', address: from }, subject, text };
  }
  if (to.length === 0 || to.length > 100) throw invalid('to', 'studio.channels.error.label');
  return { channel, purpose: 'info', event: 'dalbit.test_send', payload: { recipient: to, text } };
}

const masked = (channel: TestableChannel, to: string): string =>
  channel === 'sms' ? maskPhone(to) : channel === 'email' ? maskEmail(to.trim()) : to.trim().slice(0, 100);

/** The Korean reason of a send error code (never the provider's raw text). */
export function sendErrorReason(code: string): string {
  return code in SEND_RETRYABLE
    ? ko(`studio.channels.reason.${code as SendErrorCode}`)
    : ko('studio.channels.reason.other', { code });
}

/**
 * Sends one real message through the channel's configured adapter (the same registry the
 * dispatcher builds) to an address the user typed; records the outcome for the channel status and
 * appends the access log (recipient masked). A refusal by the provider is a DalbitError
 * `TEST_SEND_<code>`: 503 when it may pass later, 422 otherwise.
 * @example await sendTestMessage(engine, setup, { channel: 'email', to: 'me@brand.kr', from: 'crm@brand.kr' }, who)
 */
export async function sendTestMessage(
  engine: Engine,
  setup: ChannelConfigResult,
  input: TestSendInput,
  who: TestSendWho,
): Promise<TestSendResult> {
  const { channel } = input;
  if (!isTestable(channel))
    throw new DalbitError({
      code: 'CHANNEL_NOT_TESTABLE',
      kind: 'invalid_input',
      message: ko('studio.channels.error.notTestable', { channel }),
      issues: [{ path: ['params', 'channel'], message: ko('studio.channels.error.notTestable', { channel }) }],
    });
  const msg = testMessage(channel, input, who);
  const config = setup.ok ? setup.config : {};
  const registry = buildAdapterRegistry(config, engine);
  const route = registry.adapters[channel];
  if (!route) {
    registry.close();
    const keys = setup.ok ? missingKeys(config, channel).join(', ') : setup.issues.map((i) => i.key).join(', ');
    throw new DalbitError({
      code: 'CHANNEL_NOT_CONFIGURED',
      kind: 'conflict',
      message: ko('studio.channels.error.notConfigured', { channel: ko(`web.channel.${channel}`), keys }),
    });
  }
  const provider = route.adapter.provider;
  const outcome = await route.adapter
    .send(msg, { idempotencyKey: `test:${randomUUID()}` })
    .then((accepted) => ({ ok: true as const, accepted }))
    .catch((e: unknown) => ({ ok: false as const, code: isSendError(e) ? e.code : 'PROVIDER_DOWN', error: e }))
    .finally(() => registry.close());
  await record(engine, { channel, provider, who, to: input.to, error: outcome.ok ? null : outcome.code });
  if (outcome.ok) return { channel, provider, providerMessageId: outcome.accepted.providerMessageId };
  const retryable = outcome.code in SEND_RETRYABLE && SEND_RETRYABLE[outcome.code as SendErrorCode];
  throw new DalbitError({
    code: `TEST_SEND_${outcome.code}`,
    kind: retryable ? 'unavailable' : 'unprocessable',
    message: ko('studio.channels.error.failed', { code: outcome.code, reason: sendErrorReason(outcome.code) }),
    cause: outcome.error,
  });
}

async function record(
  engine: Engine,
  r: { channel: TestableChannel; provider: string; who: TestSendWho; to: string; error: string | null },
): Promise<void> {
  await engine.insert(CHANNEL_TESTS.name, columnNames(CHANNEL_TESTS), [
    [randomUUID(), r.channel, r.provider, r.who.actor, r.who.at, r.error === null, r.error],
  ]);
  await appendAccessLog(engine, {
    actor: r.who.actor,
    action: 'channel.test_send',
    subject: `channel:${r.channel}`,
    reason: `${masked(r.channel, r.to)} ${r.error ?? 'OK'}`,
    origin: r.who.origin,
    at: r.who.at,
  });
}
