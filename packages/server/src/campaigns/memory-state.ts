import type { JourneyState } from '@dalbit/core/campaigns/scenario';
import type { SentAd } from '@dalbit/core/compliance/frequency-caps';
import type { Engine } from '../engines/engine.ts';
import type { RunPlan } from './plan-run.ts';
import { journeyKey, type RunState, warehouseState } from './run-state.ts';

/** Run state kept in memory over a warehouse that is only read (for `simulate`). */
export interface MemoryState extends RunState {
  record(plan: RunPlan): void;
}

/**
 * Starts from nothing for the simulated campaigns (as if they had never run) and sees the
 * warehouse's real messages of other campaigns for caps and its real coupons for code collisions.
 */
export function memoryState(engine: Engine, simulated: ReadonlySet<string>): MemoryState {
  const db = warehouseState(engine);
  const keys = new Set<string>();
  const ads = new Map<string, SentAd[]>();
  /** Per simulated campaign and customer: the expiry of each code issued. */
  const coupons = new Map<string, Map<string, Date[]>>();
  const secretHolders = new Set<string>();
  const journeys = new Map<string, Map<string, JourneyState>>();
  return {
    async existingKeys(ks) {
      return new Set(ks.filter((k) => keys.has(k)));
    },
    async adLedger(ids, from, to, weekDays) {
      const real = await db.adLedger(ids, from, to, weekDays);
      const out = new Map<string, SentAd[]>();
      for (const id of ids) {
        const merged = [
          ...(real.get(id) ?? []).filter((a) => a.campaignId === undefined || !simulated.has(a.campaignId)),
          ...(ads.get(id) ?? []),
        ];
        if (merged.length > 0) out.set(id, merged);
      }
      return out;
    },
    async coupons(campaignId, asOf) {
      const own = coupons.get(campaignId) ?? new Map<string, Date[]>();
      const held = new Map(
        [...own].map(([id, ends]) => [id, { issued: ends.length, live: ends.filter((e) => e > asOf).length }]),
      );
      return { issued: [...own.values()].reduce((n, e) => n + e.length, 0), held, secretHolders };
    },
    couponOwners: (codes) => db.couponOwners(codes),
    async journeys(campaignId) {
      return [...(journeys.get(campaignId)?.values() ?? [])].filter((j) => j.stepId !== undefined);
    },
    async startedJourneys(campaignId) {
      return new Set(journeys.get(campaignId)?.keys() ?? []);
    },
    record(plan) {
      for (const d of plan.decisions) {
        keys.add(d.key);
        if ((d.outcome === 'queued' || d.outcome === 'deferred') && (d.purpose === 'ad' || d.channel === 'kakao_brand'))
          ads.set(d.customerId, [
            ...(ads.get(d.customerId) ?? []),
            { at: d.dueAt, channel: d.channel, campaignId: d.campaignId },
          ]);
        if (d.coupon && (d.outcome === 'queued' || d.outcome === 'deferred')) {
          const own = coupons.get(d.campaignId) ?? new Map<string, Date[]>();
          own.set(d.customerId, [...(own.get(d.customerId) ?? []), d.coupon.expiresAt]);
          coupons.set(d.campaignId, own);
          if (d.coupon.secret) secretHolders.add(d.customerId);
        }
      }
      for (const j of plan.journeys) {
        const m = journeys.get(j.campaignId) ?? new Map<string, JourneyState>();
        m.set(journeyKey(j.state.customerId, j.state.occurrence), j.state);
        journeys.set(j.campaignId, m);
      }
    },
  };
}
