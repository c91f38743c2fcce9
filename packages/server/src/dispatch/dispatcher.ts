import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import { type CompliancePolicy, DEFAULT_COMPLIANCE_POLICY } from '@dalbit/core/compliance/policy';
import { findNextSendTime } from '@dalbit/core/compliance/send-windows';
import type { Engine } from '../engines/engine.ts';
import type { AdapterRegistry, ChannelRoute } from './adapter-registry.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.ts';
import { type ClaimInput, claimFresh, claimInDoubt, claimRetries } from './claim-messages.ts';
import { findHalted } from './find-halted.ts';
import { findWithdrawn } from './find-withdrawn.ts';
import type { ClaimedRow } from './outbox-row.ts';
import type { Outcome } from './outcome.ts';
import { RateLimiter } from './rate-limiter.ts';
import { recordOutcomes } from './record-outcomes.ts';
import { type FallbackMode, sendClaimed } from './send-claimed.ts';

export interface DispatchOptions {
  readonly adapters: AdapterRegistry;
  readonly now: () => Date;
  /** Identifies this process in lock tokens (`<workerId>/<claim n>`). */
  readonly workerId: string;
  /** Upper bound on messages per claim (each route also has its own). */
  readonly batchSize?: number;
  /** How long a claim stays locked before another pass may treat it as abandoned. */
  readonly lockMs?: number;
  readonly backoff?: BackoffPolicy;
  /** `dispatcher` (default): Kakao failures are replaced by an SMS row sent once by us. */
  readonly fallback?: FallbackMode;
  /** Stops between claims; the claim in flight is finished and recorded. */
  readonly signal?: AbortSignal;
  /** Claims per channel per pass (keeps one busy channel from starving the others). */
  readonly maxClaimsPerChannel?: number;
  /**
   * Send windows (night, quiet hours, holidays): while one is on for a channel, its ads stay in
   * the outbox, so an ad planned for the day never goes out at night because the dispatcher was
   * down or behind. Night consent is not looked up here: such ads wait for the window to lift.
   * Pass the scheduler's policy (default: the KOREA.md defaults).
   */
  readonly policy?: CompliancePolicy;
  readonly log?: (line: string) => void;
}

export interface DispatchSummary {
  claimed: number;
  accepted: number;
  duplicates: number;
  retried: number;
  failed: number;
  inDoubt: number;
  cancelled: number;
  fallbacksQueued: number;
}

export const emptySummary = (): DispatchSummary => ({
  claimed: 0,
  accepted: 0,
  duplicates: 0,
  retried: 0,
  failed: 0,
  inDoubt: 0,
  cancelled: 0,
  fallbacksQueued: 0,
});

function addOutcomes(s: DispatchSummary, outcomes: readonly Outcome[], fallbacks: number): void {
  s.claimed += outcomes.length;
  s.fallbacksQueued += fallbacks;
  for (const o of outcomes) {
    if (o.kind === 'accepted') {
      s.accepted++;
      if (o.duplicate) s.duplicates++;
    } else if (o.kind === 'retry') s.retried++;
    else if (o.kind === 'failed') s.failed++;
    else if (o.kind === 'in_doubt') s.inDoubt++;
    else s.cancelled++;
  }
}

/** Whether a message sent without a recorded answer may go out again under this route. */
export function mayResendInDoubt(route: ChannelRoute, claimedAt: Date | undefined, now: Date): boolean {
  if (route.dedupe === 'key') return true;
  if (route.dedupe === 'request') {
    const inWindow =
      claimedAt !== undefined &&
      now.getTime() - claimedAt.getTime() < (route.dedupeWindowMs ?? Number.POSITIVE_INFINITY);
    return inWindow || route.inDoubt === 'resend';
  }
  return route.inDoubt === 'resend';
}

/**
 * The outbox worker. Keeps rate limiters and the claim counter between passes; `runDispatcher`
 * loops over `pass()`, `dispatchOnce` runs one.
 */
export function createDispatcher(engine: Engine, opts: DispatchOptions): { pass(): Promise<DispatchSummary> } {
  const startedAt = opts.now();
  const limiters = new Map<string, RateLimiter>();
  let claims = 0;
  const limitFor = (route: ChannelRoute) =>
    Math.max(
      1,
      Math.min(
        route.batchSize,
        opts.batchSize ?? Number.POSITIVE_INFINITY,
        route.ratePerSecond ? Math.ceil(route.ratePerSecond) : Number.POSITIVE_INFINITY,
      ),
    );
  const limiterFor = (route: ChannelRoute): RateLimiter | undefined => {
    if (!route.ratePerSecond) return undefined;
    const name = route.adapter.provider;
    let l = limiters.get(name);
    if (!l) {
      l = new RateLimiter(route.ratePerSecond, limitFor(route), opts.now);
      limiters.set(name, l);
    }
    return l;
  };

  async function process(
    route: ChannelRoute,
    rows: ClaimedRow[],
    token: string,
    claimedAt: Date | undefined,
    summary: DispatchSummary,
  ): Promise<void> {
    // A 429 on the previous batch paused the bucket after this batch took its tokens.
    await limiterFor(route)?.untilResumed(opts.signal);
    // A refusal or a pause/stop that happened after the claim wins: those rows are cancelled, not sent.
    const withdrawn = new Map([...(await findWithdrawn(engine, rows)), ...(await findHalted(engine, rows))]);
    const outcomes = await sendClaimed({
      route,
      rows,
      token,
      now: opts.now,
      backoff: opts.backoff ?? DEFAULT_BACKOFF,
      fallback: opts.fallback ?? 'dispatcher',
      limiter: limiterFor(route),
      withdrawn,
      resendInDoubt: mayResendInDoubt(route, claimedAt, opts.now()),
    });
    const { fallbacks } = await recordOutcomes(engine, outcomes, { now: opts.now(), attemptSalt: token });
    addOutcomes(summary, outcomes, fallbacks.length);
  }

  /**
   * Claims and sends one channel's due messages, a claim at a time. Pipelined: the next claim is
   * taken while the previous batch is checked, sent and recorded; sends never overlap (a 429's
   * Retry-After holds the next batch), and each batch's rows are locked by its own token, so no
   * message is in two batches.
   */
  async function channelPass(channel: ChannelKind, route: ChannelRoute, summary: DispatchSummary): Promise<void> {
    const limit = limitFor(route);
    const limiter = limiterFor(route);
    let inFlight: Promise<void> | undefined;
    const settle = async () => {
      const p = inFlight;
      inFlight = undefined;
      await p;
    };
    try {
      for (let n = 0; n < (opts.maxClaimsPerChannel ?? 50) && !opts.signal?.aborted; n++) {
        const token = `${opts.workerId}/${++claims}`;
        const input = (): ClaimInput => {
          const now = opts.now();
          const policy = opts.policy ?? DEFAULT_COMPLIANCE_POLICY;
          const holdAds =
            findNextSendTime(now, { channel, purpose: 'ad', hasNightConsent: false, policy }) !== undefined;
          return { channel, token, now, lockMs: opts.lockMs ?? 120_000, limit, startedAt, holdAds };
        };
        const doubt = await claimInDoubt(engine, input());
        if (doubt.rows.length > 0) {
          await settle();
          await limiter?.take(doubt.rows.length);
          await process(route, doubt.rows, token, doubt.claimedAt, summary);
          continue;
        }
        await limiter?.take(limit, opts.signal);
        if (opts.signal?.aborted) return limiter?.refund(limit);
        const retries = await claimRetries(engine, input());
        const rows = retries.length > 0 ? retries : await claimFresh(engine, input());
        limiter?.refund(limit - rows.length);
        if (rows.length === 0) return;
        await settle();
        inFlight = process(route, rows, token, undefined, summary);
        inFlight.catch(() => undefined); // awaited by the next settle; never an unhandled rejection meanwhile
      }
    } finally {
      await settle();
    }
  }

  return {
    async pass() {
      const summary = emptySummary();
      for (const [channel, route] of Object.entries(opts.adapters) as [ChannelKind, ChannelRoute][]) {
        if (opts.signal?.aborted) break;
        try {
          await channelPass(channel, route, summary);
        } catch (e) {
          opts.log?.(`dispatcher: ${channel}: ${e instanceof Error ? e.message : String(e)}`);
          throw e;
        }
      }
      return summary;
    },
  };
}

/** One pass over every channel: sends everything due now (bounded per channel), then returns. */
export async function dispatchOnce(engine: Engine, opts: DispatchOptions): Promise<DispatchSummary> {
  return createDispatcher(engine, opts).pass();
}
