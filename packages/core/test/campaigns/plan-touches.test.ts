import { describe, expect, it } from 'vitest';
import { armFor, campaignArms } from '../../src/campaigns/arms.ts';
import { idempotencyKeyFor } from '../../src/campaigns/occurrence-key.ts';
import { parseCampaign } from '../../src/campaigns/parse-campaign.ts';
import { planTouches } from '../../src/campaigns/plan-touches.ts';
import { advanceJourney, startJourney } from '../../src/campaigns/scenario.ts';
import { CampaignDefinition } from '../../src/campaigns/schema.ts';
import { sendInstant } from '../../src/campaigns/send-time.ts';
import { fromKst } from '../../src/time/kst.ts';

const base = {
  id: 'c',
  name: 'c',
  purpose: 'ad',
  channel: 'sms',
  templates: [{ channel: 'sms', text: 'hi' }],
  sender: { smsFrom: '0212345678' },
} as const;
const noSolar = () => undefined;

describe('campaign plan (pure)', () => {
  it('preferred hour inside the window wins; outside it, the default time', () => {
    const sendTime = { time: '10:00', usePreferredHour: true, window: { start: '09:00', end: '20:00' } };
    expect(sendInstant({ dateKey: '2025-06-10', sendTime, preferredHour: 19 })).toEqual(fromKst('2025-06-10', 19 * 60));
    expect(sendInstant({ dateKey: '2025-06-10', sendTime, preferredHour: 22 })).toEqual(fromKst('2025-06-10', 10 * 60));
    expect(sendInstant({ dateKey: '2025-06-10', sendTime, preferredHour: null })).toEqual(
      fromKst('2025-06-10', 10 * 60),
    );
  });

  it('recurring weekly touches at each customer hour, only inside (from, to]', () => {
    const campaign = CampaignDefinition.parse({
      ...base,
      trigger: { kind: 'recurring', every: 'week', weekdays: [1], time: '10:00' },
    });
    const touches = planTouches({
      campaign,
      from: fromKst('2025-06-01'),
      to: fromKst('2025-06-16', 12 * 60),
      asOf: fromKst('2025-06-16', 12 * 60),
      facts: {
        customers: [
          { customerId: 'a', preferredHour: 11 },
          { customerId: 'b', preferredHour: 15 },
        ],
        toSolar: noSolar,
      },
    });
    // Mondays 06-02, 06-09, 06-16; b's 15:00 on 06-16 is after `to`.
    expect(touches.map((t) => [t.customerId, t.occurrence, t.plannedAt.toISOString()])).toEqual([
      ['a', 'recurring:2025-06-02', fromKst('2025-06-02', 660).toISOString()],
      ['b', 'recurring:2025-06-02', fromKst('2025-06-02', 900).toISOString()],
      ['a', 'recurring:2025-06-09', fromKst('2025-06-09', 660).toISOString()],
      ['b', 'recurring:2025-06-09', fromKst('2025-06-09', 900).toISOString()],
      ['a', 'recurring:2025-06-16', fromKst('2025-06-16', 660).toISOString()],
    ]);
  });

  it('event + delay: exit on a later order of the same product only', () => {
    const campaign = CampaignDefinition.parse({
      ...base,
      trigger: {
        kind: 'event',
        event: { type: 'add_to_cart' },
        delayHours: 24,
        exitIf: [{ kind: 'order', sameProduct: true }],
      },
    });
    const t0 = fromKst('2025-06-01', 600);
    const touches = planTouches({
      campaign,
      from: t0,
      to: fromKst('2025-06-03'),
      asOf: fromKst('2025-06-03'),
      facts: {
        customers: [{ customerId: 'a' }, { customerId: 'b' }],
        events: [
          { eventId: '1', customerId: 'a', type: 'add_to_cart', at: t0, productId: 'P1' },
          { eventId: '2', customerId: 'b', type: 'add_to_cart', at: t0, productId: 'P1' },
        ],
        orders: [
          { customerId: 'a', at: new Date(t0.getTime() + 3600_000), productIds: ['P2'] },
          { customerId: 'b', at: new Date(t0.getTime() + 3600_000), productIds: ['P1'] },
        ],
        toSolar: noSolar,
      },
    });
    expect(touches.map((t) => t.customerId)).toEqual(['a']);
  });

  it('arms: holdout share and variant weights hold on 20,000 ids; keys are deterministic', () => {
    const campaign = CampaignDefinition.parse({
      ...base,
      trigger: { kind: 'broadcast', at: '2025-06-10T01:00:00Z' },
      experiment: {
        holdoutPercent: 10,
        variants: [
          { name: 'A', weight: 1 },
          { name: 'B', weight: 3 },
        ],
      },
    });
    expect(campaignArms(campaign)).toEqual([
      { name: 'holdout', weight: 0.1 },
      { name: 'A', weight: 0.225 },
      { name: 'B', weight: 0.675 },
    ]);
    const n = 20_000;
    const counts: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const arm = armFor(campaign, `cust-${i}`);
      counts[arm] = (counts[arm] ?? 0) + 1;
    }
    // 4 standard errors: sqrt(p(1-p)/n) ≈ 0.0021 for p = 0.1.
    expect(Math.abs((counts.holdout ?? 0) / n - 0.1)).toBeLessThan(0.0085);
    expect(Math.abs((counts.B ?? 0) / n - 0.675)).toBeLessThan(0.014);
    const k = { campaignId: 'c', stepId: 'main', customerId: 'x', occurrence: 'broadcast' };
    expect(idempotencyKeyFor(k)).toBe(idempotencyKeyFor({ ...k }));
    expect(idempotencyKeyFor(k)).not.toBe(idempotencyKeyFor({ ...k, occurrence: 'broadcast2' }));
    expect(idempotencyKeyFor(k)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('scenario: wait, branch at the moment it is reached, message, exit', () => {
    const steps =
      CampaignDefinition.parse({
        ...base,
        trigger: { kind: 'broadcast', at: '2025-06-10T01:00:00Z' },
        scenario: {
          steps: [
            { id: 'w', kind: 'wait', hours: 48 },
            { id: 'b', kind: 'branch', if: { kind: 'event', type: 'message_clicked' }, whenTrue: 'x', whenFalse: 'm' },
            { id: 'm', kind: 'message' },
            { id: 'x', kind: 'exit' },
          ],
        },
      }).scenario?.steps ?? [];
    const enteredAt = fromKst('2025-06-10', 600);
    const clickedAt = new Date(enteredAt.getTime() + 72 * 3600_000); // after the branch point: must not count
    const facts = {
      purchasedBetween: () => false,
      eventBetween: (_c: string, _t: string, from: Date, to: Date) => clickedAt > from && clickedAt <= to,
    };
    const s0 = startJourney({ steps, customerId: 'a', occurrence: 'o', enteredAt });
    const early = advanceJourney({ steps, state: s0, now: new Date(enteredAt.getTime() + 3600_000), facts });
    expect(early).toMatchObject({ changed: false, messages: [] });
    const late = advanceJourney({ steps, state: s0, now: new Date(enteredAt.getTime() + 100 * 3600_000), facts });
    expect(late.messages).toEqual([{ stepId: 'm', plannedAt: new Date(enteredAt.getTime() + 48 * 3600_000) }]);
    expect(late.state.stepId).toBeUndefined(); // the exit step after the message ended the journey
  });

  it('schema collects every problem with its path', () => {
    const r = parseCampaign({
      ...base,
      channel: 'kakao_brand',
      sender: {},
      trigger: { kind: 'date_relative', anchor: 'product_purchase', offsetDays: 30 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path).sort()).toEqual(['sender.kakaoSenderKey', 'templates', 'trigger.productId']);
  });

  it('refuses a template that does not parse, naming the field (not every later send)', () => {
    const r = parseCampaign({
      ...base,
      trigger: { kind: 'broadcast', at: '2026-11-20T01:00:00Z' },
      templates: [{ channel: 'sms', text: '{{ name }}님 {% if %}' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(['templates.0.text']);
      expect(r.issues[0]?.message).toContain('템플릿 문법 오류');
    }
    const fine = parseCampaign({
      ...base,
      trigger: { kind: 'broadcast', at: '2026-11-20T01:00:00Z' },
      templates: [{ channel: 'sms', text: '{{ name }}님 {% if grade %}VIP{% endif %}' }],
    });
    expect(fine.ok).toBe(true);
  });
});
