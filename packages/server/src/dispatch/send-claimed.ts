import type { BatchItemResult, OutboundMessage } from '@dalbit/core/channels/port';
import { isSendError, SendError } from '@dalbit/core/channels/send-error';
import { type ChannelRoute, isDuplicateError } from './adapter-registry.ts';
import { type BackoffPolicy, backoffDelayMs } from './backoff.ts';
import { fallbackFor, withoutProviderFallback } from './fallback-sms.ts';
import { type ClaimedRow, parseContent } from './outbox-row.ts';
import { type Outcome, STALE_TOKEN_CODES } from './outcome.ts';
import type { RateLimiter } from './rate-limiter.ts';

export type FallbackMode = 'dispatcher' | 'provider';

export interface SendStep {
  readonly route: ChannelRoute;
  readonly rows: readonly ClaimedRow[];
  readonly token: string;
  readonly now: () => Date;
  readonly backoff: BackoffPolicy;
  readonly fallback: FallbackMode;
  readonly limiter?: RateLimiter | undefined;
  /** key → reason for ads refused since planning; these are not sent. */
  readonly withdrawn: ReadonlyMap<string, string>;
  /** Send in-doubt rows again (else they are held as `in_doubt`). */
  readonly resendInDoubt: boolean;
}

function asSendError(e: unknown): SendError {
  if (isSendError(e)) return e;
  return new SendError('PROVIDER_DOWN', `adapter failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}

/** A failed attempt → retry (retryable, attempts left), accepted (provider already has the key) or failed. */
export function classifyFailure(input: {
  row: ClaimedRow;
  msg: OutboundMessage | undefined;
  error: SendError;
  step: Pick<SendStep, 'route' | 'backoff' | 'fallback' | 'now'>;
  seed: string;
}): Outcome {
  const { row, error, step } = input;
  if (isDuplicateError(step.route, error))
    return { kind: 'accepted', key: row.key, provider: step.route.adapter.provider, duplicate: true };
  if (error.retryable && row.attempts < step.backoff.maxAttempts) {
    const delay = backoffDelayMs({
      attempt: row.attempts,
      seed: input.seed,
      policy: step.backoff,
      retryAfterMs: error.retryAfterMs,
    });
    return {
      kind: 'retry',
      key: row.key,
      code: error.code,
      message: error.message,
      nextAttemptAt: new Date(step.now().getTime() + delay),
    };
  }
  return {
    kind: 'failed',
    key: row.key,
    code: error.code,
    message: error.retryable ? `${error.message} (gave up after ${row.attempts} attempts)` : error.message,
    fallback: step.fallback === 'dispatcher' ? fallbackFor(row.key, input.msg) : undefined,
    staleToken:
      input.msg?.channel === 'push' && STALE_TOKEN_CODES.has(error.providerCode ?? '') ? input.msg.token : undefined,
  };
}

/**
 * Sends one claim through its adapter (`sendMany` when it has one: one call, provider batch
 * limits applied inside the adapter) and turns every answer into an outcome. Never throws for
 * provider failures: they become outcomes.
 */
export async function sendClaimed(step: SendStep): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const toSend: { row: ClaimedRow; msg: OutboundMessage; wire: OutboundMessage }[] = [];
  for (const row of step.rows) {
    const msg = parseContent(row);
    const refused = step.withdrawn.get(row.key);
    if (refused)
      outcomes.push({
        kind: 'cancelled',
        key: row.key,
        code: refused,
        detail: refused.startsWith('CAMPAIGN_')
          ? 'the campaign was paused or stopped after the message was claimed'
          : 'recipient refused ads after the message was planned',
      });
    else if (!msg)
      outcomes.push({
        kind: 'failed',
        key: row.key,
        code: 'CONTENT_REJECTED',
        message: 'content is missing or is not a message for this channel',
      });
    else if (row.via === 'in_doubt' && !step.resendInDoubt)
      outcomes.push({
        kind: 'in_doubt',
        key: row.key,
        detail: `sent to ${step.route.adapter.provider} without a recorded answer; not resent (provider cannot deduplicate)`,
      });
    else toSend.push({ row, msg, wire: step.fallback === 'dispatcher' ? withoutProviderFallback(msg) : msg });
  }
  if (toSend.length === 0) return outcomes;
  const adapter = step.route.adapter;
  const byKey = new Map(toSend.map((t) => [t.row.key, t]));
  const record = (r: BatchItemResult, seed: string) => {
    const t = byKey.get(r.idempotencyKey);
    if (!t) return;
    if (r.ok)
      outcomes.push({
        kind: 'accepted',
        key: t.row.key,
        provider: r.accepted.provider,
        providerMessageId: r.accepted.providerMessageId || undefined,
        providerGroupId: r.accepted.providerGroupId,
        duplicate: false,
      });
    else {
      if (r.error.code === 'RATE_LIMITED') step.limiter?.pauseFor(r.error.retryAfterMs ?? 1000);
      outcomes.push(classifyFailure({ row: t.row, msg: t.msg, error: r.error, step, seed }));
    }
  };
  if (adapter.sendMany) {
    let results: readonly BatchItemResult[];
    let requestFailed = false;
    try {
      // No shutdown signal here: a started batch is finished, never cut off mid-request.
      results = await adapter.sendMany(
        toSend.map((t) => ({ msg: t.wire, idempotencyKey: t.row.key })),
        {},
      );
    } catch (e) {
      const error = asSendError(e);
      requestFailed = true; // the whole call failed: its messages retry together
      results = toSend.map((t) => ({ ok: false, idempotencyKey: t.row.key, error }));
    }
    for (const r of results)
      record(
        r,
        requestFailed ? step.token : !r.ok && r.request !== undefined ? `${step.token}#${r.request}` : r.idempotencyKey,
      );
  } else {
    const queue = [...toSend];
    const workers = Array.from(
      { length: Math.max(1, Math.min(step.route.concurrency ?? 4, queue.length)) },
      async () => {
        for (let t = queue.shift(); t; t = queue.shift()) {
          try {
            const accepted = await adapter.send(t.wire, { idempotencyKey: t.row.key });
            record({ ok: true, idempotencyKey: t.row.key, accepted }, t.row.key);
          } catch (e) {
            record({ ok: false, idempotencyKey: t.row.key, error: asSendError(e) }, t.row.key);
          }
        }
      },
    );
    await Promise.all(workers);
  }
  const answered = new Set(outcomes.map((o) => o.key));
  for (const t of toSend)
    if (!answered.has(t.row.key))
      outcomes.push(
        classifyFailure({
          row: t.row,
          msg: t.msg,
          error: new SendError('PROVIDER_DOWN', 'no answer for this message'),
          step,
          seed: t.row.key,
        }),
      );
  return outcomes;
}
