import { allocateSlots, type SentAd } from '@dalbit/core/compliance/frequency-caps';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { fromKst, toKst } from '@dalbit/core/time/kst';
import type { TouchDecision } from './decision.ts';
import type { RunState } from './run-state.ts';

const isSlotAd = (d: TouchDecision): boolean =>
  (d.outcome === 'queued' || d.outcome === 'deferred') && (d.purpose === 'ad' || d.channel === 'kakao_brand');

/**
 * Frequency caps across campaigns and channels: ads of this run compete, day by day (KST day of
 * their send time), for the slots the ledger leaves; higher priority wins, then earlier time.
 * Losers are blocked `CAPPED` (recorded with the rule that stopped them).
 */
export async function allocateCaps(
  decisions: readonly TouchDecision[],
  policy: CompliancePolicy,
  state: RunState,
): Promise<TouchDecision[]> {
  const ads = decisions.map((d, i) => ({ d, i })).filter(({ d }) => isSlotAd(d));
  if (ads.length === 0) return [...decisions];
  const times = ads.map(({ d }) => d.dueAt.getTime());
  const ledger = await state.adLedger(
    [...new Set(ads.map(({ d }) => d.customerId))],
    new Date(Math.min(...times)),
    new Date(Math.max(...times)),
    policy.caps.weekDays,
  );
  const current = new Map<string, SentAd[]>(ledger);
  const byDay = new Map<string, { d: TouchDecision; i: number }[]>();
  for (const a of ads) {
    const day = toKst(a.d.dueAt).dateKey;
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  const out = [...decisions];
  for (const day of [...byDay.keys()].sort()) {
    const group = byDay.get(day) ?? [];
    const result = allocateSlots({
      candidates: group.map(({ d, i }) => ({
        id: String(i),
        customerId: d.customerId,
        channel: d.channel,
        purpose: 'ad' as const,
        priority: d.priority,
        campaignId: d.campaignId,
        dueAt: d.dueAt,
      })),
      ledger: current,
      now: fromKst(day, 12 * 60),
      policy,
    });
    for (const g of result.granted) {
      const d = out[Number(g.id)];
      if (d)
        current.set(d.customerId, [
          ...(current.get(d.customerId) ?? []),
          { at: d.dueAt, channel: d.channel, campaignId: d.campaignId },
        ]);
    }
    for (const c of result.capped) {
      const d = out[Number(c.candidate.id)];
      if (d)
        out[Number(c.candidate.id)] = {
          ...d,
          outcome: 'blocked',
          dueAt: d.plannedAt,
          reason: 'CAPPED',
          detail: `${c.verdict.rule} cap ${c.verdict.used}/${c.verdict.limit}`,
          coupon: undefined,
        };
    }
  }
  return out;
}
