import type { CouponHold } from '@dalbit/core/campaigns/coupon-limit';
import type { JourneyState } from '@dalbit/core/campaigns/scenario';
import type { SentAd } from '@dalbit/core/compliance/frequency-caps';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { loadAdLedger } from './load-recipients.ts';

/** Coupons a campaign has issued so far (budget, per-customer limits, one secret coupon at a time). */
export interface CouponLedger {
  readonly issued: number;
  /** Per customer: codes of this campaign issued, and how many are still live at `asOf`. */
  readonly held: ReadonlyMap<string, CouponHold>;
  /** Customers holding an unexpired, unredeemed secret coupon of any campaign. */
  readonly secretHolders: ReadonlySet<string>;
}

/**
 * What earlier runs recorded. The scheduler reads it from the warehouse; `simulate` keeps its own
 * in memory so nothing is written.
 */
export interface RunState {
  /** Touch keys that already have an exposure (holdout included). */
  existingKeys(keys: readonly string[]): Promise<Set<string>>;
  adLedger(customerIds: readonly string[], from: Date, to: Date, weekDays: number): Promise<Map<string, SentAd[]>>;
  coupons(campaignId: string, asOf: Date): Promise<CouponLedger>;
  /** Journeys of a scenario campaign that are not finished (latest state per customer and occurrence). */
  journeys(campaignId: string): Promise<JourneyState[]>;
  /** Current owner (`campaign\0customer\0occurrence`) of each code that exists. */
  couponOwners(codes: readonly string[]): Promise<Map<string, string>>;
  /** Journeys ever started (finished included), keyed `customerId\0occurrence`. */
  startedJourneys(campaignId: string): Promise<Set<string>>;
}

export const journeyKey = (customerId: string, occurrence: string): string => `${customerId}\u0000${occurrence}`;

export const couponOwnerKey = (campaignId: string, customerId: string, occurrence: string): string =>
  `${campaignId}\u0000${customerId}\u0000${occurrence}`;

/** The warehouse as run state. */
export function warehouseState(engine: Engine): RunState {
  const d = engine.dialect;
  const latestJourneys = async (campaignId: string) =>
    engine.query<{
      customer_id: string;
      occurrence: string;
      step_id: string | null;
      since: Date;
      entered_at: Date;
      seq: number;
    }>(
      compileBound(
        d,
        (b) => `SELECT j.customer_id, j.occurrence, j.step_id, j.since, j.entered_at, j.seq FROM campaign_journeys j
          JOIN (SELECT customer_id, occurrence, max(seq) AS seq FROM campaign_journeys WHERE campaign_id = ${b.p(campaignId, 'string')} GROUP BY customer_id, occurrence) m
            ON m.customer_id = j.customer_id AND m.occurrence = j.occurrence AND m.seq = j.seq
          WHERE j.campaign_id = ${b.p(campaignId, 'string')}`,
      ),
    );
  return {
    async existingKeys(keys) {
      const found = new Set<string>();
      for (const batch of chunks([...new Set(keys)]))
        for (const r of await engine.query<{ k: string }>(
          compileBound(
            d,
            (b) => `SELECT exposure_key AS k FROM campaign_exposures WHERE exposure_key IN ${b.in(batch)}`,
          ),
        ))
          found.add(r.k);
      return found;
    },
    adLedger: (ids, from, to, weekDays) => loadAdLedger(engine, ids, from, to, weekDays),
    async coupons(campaignId, asOf) {
      const own = await engine.query<{ customer_id: string; issued: number; live: number }>(
        compileBound(
          d,
          (b) => `SELECT k.customer_id, count(*) AS issued,
            sum(CASE WHEN k.expires_at > ${b.p(asOf, 'timestamp')}
              AND k.code NOT IN (SELECT r.code FROM coupon_redemptions r WHERE r.valid) THEN 1 ELSE 0 END) AS live
            FROM coupons k WHERE k.campaign_id = ${b.p(campaignId, 'string')} GROUP BY k.customer_id`,
        ),
      );
      const secret = await engine.query<{ customer_id: string }>(
        compileBound(
          d,
          (
            b,
          ) => `SELECT DISTINCT k.customer_id FROM coupons k WHERE k.secret AND k.expires_at > ${b.p(asOf, 'timestamp')}
            AND NOT EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.code = k.code AND r.valid)`,
        ),
      );
      return {
        issued: own.reduce((n, r) => n + Number(r.issued), 0),
        held: new Map(own.map((r) => [r.customer_id, { issued: Number(r.issued), live: Number(r.live ?? 0) }])),
        secretHolders: new Set(secret.map((r) => r.customer_id)),
      };
    },
    async couponOwners(codes) {
      const owners = new Map<string, string>();
      for (const batch of chunks([...new Set(codes)]))
        for (const r of await engine.query<{
          code: string;
          campaign_id: string;
          customer_id: string;
          occurrence: string;
        }>(
          compileBound(
            d,
            (b) => `SELECT code, campaign_id, customer_id, occurrence FROM coupons WHERE code IN ${b.in(batch)}`,
          ),
        ))
          owners.set(r.code, couponOwnerKey(r.campaign_id, r.customer_id, r.occurrence));
      return owners;
    },
    async journeys(campaignId) {
      return (await latestJourneys(campaignId))
        .filter((r) => r.step_id !== null)
        .map((r) => ({
          customerId: r.customer_id,
          occurrence: r.occurrence,
          enteredAt: r.entered_at,
          stepId: r.step_id ?? undefined,
          since: r.since,
        }));
    },
    async startedJourneys(campaignId) {
      return new Set((await latestJourneys(campaignId)).map((r) => journeyKey(r.customer_id, r.occurrence)));
    },
  };
}
