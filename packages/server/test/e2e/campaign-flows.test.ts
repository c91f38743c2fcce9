import { CampaignDefinition, type CampaignInput } from '@dalbit/core/campaigns/schema';
import { addKstDays, toKst } from '@dalbit/core/time/kst';
import KoreanLunarCalendarModule from 'korean-lunar-calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { type Simulation, simulateCampaign } from '../../src/campaigns/simulate-campaign.ts';
import {
  COUPON_SECRET,
  count,
  countBy,
  type DemoBrand,
  kst,
  openDemoBrand,
  POLICY,
  SENDER,
} from './support/demo-brand.ts';
import { clockFrom, dispatchUntilIdle, type LocalChannels, startLocalChannels } from './support/local-channels.ts';

// The "done when" of the campaigns issue on the demo brand (real importer, real DuckDB file), each
// flow end to end against the real SMTP server and the local Solapi gateway: a birthday coupon
// campaign (lunar-aware), a cart-abandonment flow and a night-time broadcast to an RFM segment.

interface LunarCalendar {
  setLunarDate(year: number, month: number, day: number, intercalation: boolean): boolean;
  getSolarCalendar(): { year: number; month: number; day: number };
}
const Lunar = KoreanLunarCalendarModule as unknown as new () => LunarCalendar;
/** Independent conversion with the KASI-based table: lunar month-day of `year` → solar 'YYYY-MM-DD'. */
function lunarToSolarIso(year: number, md: string): string | undefined {
  const [m, d] = md.split('-').map(Number);
  const cal = new Lunar();
  if (!cal.setLunarDate(year, m ?? 0, d ?? 0, false) && !(d === 30 && cal.setLunarDate(year, m ?? 0, 29, false)))
    return undefined;
  const s = cal.getSolarCalendar();
  return `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
}

const TABLES = ['messages', 'message_events', 'campaign_exposures', 'coupons', 'scheduler_runs'];
const tableCounts = async (b: DemoBrand) =>
  Object.fromEntries(
    await Promise.all(TABLES.map(async (t) => [t, await count(b.engine, `SELECT count(*) AS n FROM ${t}`)])),
  );
const kstDate = (d: Date) => toKst(d).dateKey;

const save = (b: DemoBrand, c: CampaignInput) =>
  saveCampaign(b.engine, CampaignDefinition.parse(c), kst('2026-11-16', '09:00'));

describe('issue 5 flows on the demo brand', () => {
  let brand: DemoBrand;
  let ch: LocalChannels;

  beforeAll(async () => {
    brand = await openDemoBrand({ customers: 2500, seed: 23, eventsPerCustomer: 6 });
    ch = await startLocalChannels(brand.engine, { now: () => new Date() });
  }, 300_000);
  afterAll(async () => {
    await ch?.close();
    await brand?.close();
  });

  it('birthday coupon (birthday − 3 days, lunar-aware): simulate writes nothing and predicts the real runs', async () => {
    const e = brand.engine;
    expect(lunarToSolarIso(2026, '08-15')).toBe('2026-09-25'); // 추석 2026 (public holiday 9/24–26)
    await save(brand, {
      id: 'bday',
      name: '생일 쿠폰',
      purpose: 'ad',
      priority: 10,
      trigger: { kind: 'date_relative', anchor: 'birthday', offsetDays: -3 },
      channel: 'kakao_brand',
      fallbackToSms: true,
      templates: [
        {
          channel: 'kakao_brand',
          text: '{{ name }}님, 생일 미리 축하드려요! 쿠폰 {{ coupon.code }} ({{ coupon.value }}, {{ coupon.expires_at }}까지)',
          smsFallback: { text: '{{ name }}님 생일쿠폰 {{ coupon.code }}' },
        },
      ],
      sender: SENDER,
      coupon: { kind: 'amount', value: 5000, validDays: 14, prefix: 'BD' },
      maxLatenessHours: 12,
    });
    const before = await tableCounts(brand);
    const sim = await simulateCampaign(e, {
      campaignId: 'bday',
      from: '2026-11-17',
      to: '2027-01-31',
      policy: POLICY,
      couponSecret: COUPON_SECRET,
    });
    expect(await tableCounts(brand)).toEqual(before);

    // Every customer with a birthday gets exactly one touch, 3 days before the (converted) date.
    const people = await e.query<{ customer_id: string; birthday_md: string; birthday_lunar: boolean }>(
      'SELECT customer_id, birthday_md, birthday_lunar FROM customers WHERE birthday_md IS NOT NULL',
    );
    const expected = new Map<string, string>();
    for (const p of people)
      for (const year of [2026, 2027]) {
        const date = p.birthday_lunar ? lunarToSolarIso(year, p.birthday_md) : `${year}-${p.birthday_md}`;
        if (!date) continue;
        const touch = addKstDays(date === `${year}-02-29` && year % 4 ? `${year}-02-28` : date, -3);
        if (touch >= '2026-11-17' && touch <= '2027-01-31') expected.set(`${p.customer_id}@${year}`, touch);
      }
    const got = new Map(
      sim.days.flatMap((d) =>
        d.decisions.map((x) => [`${x.customerId}@${x.occurrence.replace(/\D/g, '').slice(0, 4)}`, d.date] as const),
      ),
    );
    expect(got).toEqual(expected);
    const lunarIds = new Set(people.filter((p) => p.birthday_lunar).map((p) => p.customer_id));
    const lunarTouches = [...got.keys()].filter((k) => lunarIds.has(k.split('@')[0] ?? ''));
    expect(lunarTouches.length).toBeGreaterThan(3);
    // one lunar customer spelled out: the solar date differs from the lunar month-day
    const one = people.find((p) => lunarIds.has(p.customer_id) && got.has(`${p.customer_id}@2026`));
    if (one) {
      const solar = lunarToSolarIso(2026, one.birthday_md) ?? '';
      expect(solar.slice(5)).not.toBe(one.birthday_md);
      expect(got.get(`${one.customer_id}@2026`)).toBe(addKstDays(solar, -3));
    }
    expect(sim.totals.blockedBy.NO_CONSENT ?? 0).toBeGreaterThan(0);

    // The real scheduler, run each evening of the first week, decides exactly what the simulation said.
    const days = Array.from({ length: 7 }, (_, i) => addKstDays('2026-11-17', i));
    for (const day of days) {
      await runScheduler(e, {
        now: kst(day, '20:00'),
        campaignIds: ['bday'],
        policy: POLICY,
        couponSecret: COUPON_SECRET,
      });
      await dispatchUntilIdle(e, ch, clockFrom(kst(day, '20:05')));
    }
    const simWeek = sim.days
      .filter((d) => d.date <= (days.at(-1) ?? ''))
      .flatMap((d) =>
        d.decisions.map((x) => [
          x.customerId,
          x.outcome === 'queued' ? 'sent' : x.outcome,
          x.reason ?? null,
          kstDate(x.plannedAt),
        ]),
      )
      .sort();
    const real = await e.query<{ customer_id: string; status: string; reason: string | null; due_at: Date }>(
      "SELECT customer_id, status, reason, due_at FROM messages WHERE campaign_id = 'bday' AND idempotency_key NOT LIKE '%:fallback'",
    );
    expect(
      real
        .map((r) => [
          r.customer_id,
          r.status === 'blocked' ? 'blocked' : 'sent',
          r.reason === null || r.status !== 'blocked' ? null : r.reason,
          kstDate(r.due_at),
        ])
        .sort(),
    ).toEqual(simWeek);
    const sent = real.filter((r) => r.status !== 'blocked');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.status === 'delivered')).toBe(true);

    // Unique coupon codes, one per sent message, each inside its own Kakao brand message.
    const coupons = await e.query<{ code: string; customer_id: string; idempotency_key: string }>(
      "SELECT code, customer_id, idempotency_key FROM coupons WHERE campaign_id = 'bday'",
    );
    expect(coupons).toHaveLength(sent.length);
    expect(new Set(coupons.map((c) => c.code)).size).toBe(coupons.length);
    const texts = new Map(
      ch.solapi.requests
        .flatMap((r) => r.body.messages)
        .filter((m) => m.type === 'BMS_TEXT')
        .map((m) => [m.customFields?.idempotencyKey ?? '', m.text ?? '']),
    );
    for (const c of coupons) {
      const text = texts.get(c.idempotency_key) ?? '';
      expect(text).toContain(c.code);
      expect(text.startsWith('(광고)달빛상회')).toBe(true);
      expect(text).toContain('무료수신거부 080-123-4567');
    }
  });

  let cartRun: Awaited<ReturnType<typeof runScheduler>>;
  it('cart abandonment: add_to_cart + 3 days, exits for those who purchased, sent by SMS', async () => {
    const e = brand.engine;
    await save(brand, {
      id: 'cart',
      name: '장바구니 이탈',
      purpose: 'ad',
      trigger: { kind: 'event', event: { type: 'add_to_cart' }, delayHours: 72, exitIf: [{ kind: 'order' }] },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님, 장바구니 상품이 기다려요' }],
      sender: SENDER,
    });
    const runAt = kst('2026-11-17', '12:00');
    cartRun = await runScheduler(e, { now: runAt, campaignIds: ['cart'], policy: POLICY, couponSecret: COUPON_SECRET });
    expect(cartRun.touches).toBeGreaterThan(0);
    const touched = await e.query<{ customer_id: string; status: string; due_at: Date }>(
      "SELECT customer_id, status, due_at FROM messages WHERE campaign_id = 'cart'",
    );
    // Independent: the cart events whose send time (+72 h) falls in the run's lateness window, split
    // by whether the customer ordered after the event and before the run (exit: no reminder).
    const window =
      "e.type = 'add_to_cart' AND e.customer_id IS NOT NULL AND e.occurred_at > TIMESTAMP '2026-11-11 03:00:00' AND e.occurred_at <= TIMESTAMP '2026-11-14 03:00:00'";
    const orderedSince =
      "SELECT 1 FROM orders o WHERE o.customer_id = e.customer_id AND o.ordered_at > e.occurred_at AND o.ordered_at <= TIMESTAMP '2026-11-17 03:00:00'";
    const abandoned = await e.query<{ customer_id: string }>(
      `SELECT DISTINCT e.customer_id FROM events e WHERE ${window} AND NOT EXISTS (${orderedSince})`,
    );
    const purchased = await e.query<{ customer_id: string }>(
      `SELECT DISTINCT e.customer_id FROM events e WHERE ${window} EXCEPT SELECT DISTINCT e.customer_id FROM events e WHERE ${window} AND NOT EXISTS (${orderedSince})`,
    );
    const touchedIds = new Set(touched.map((t) => t.customer_id));
    expect(purchased.length).toBeGreaterThan(0);
    for (const p of purchased)
      expect(touchedIds.has(p.customer_id), `${p.customer_id} purchased and exited`).toBe(false);
    expect([...touchedIds].sort()).toEqual(abandoned.map((a) => a.customer_id).sort());
    expect(Object.keys(cartRun.blockedBy).length).toBeGreaterThan(0);

    // queued, or deferred out of the night (SMS without night consent) to 08:00 KST — already past
    const queued = touched.filter((t) => t.status === 'queued' || t.status === 'deferred').length;
    expect(cartRun.queued + cartRun.deferred).toBe(queued);
    const s = await dispatchUntilIdle(e, ch, clockFrom(kst('2026-11-17', '12:05')));
    expect(s.accepted).toBe(queued);
    expect(
      await countBy(
        e,
        "SELECT status AS k, count(*) AS n FROM messages WHERE campaign_id = 'cart' AND status <> 'blocked' GROUP BY status",
      ),
    ).toEqual(queued ? { delivered: queued } : {});
  });

  let nightSim: Simulation;
  it('broadcast to an RFM segment scheduled at 22:30 KST is deferred to 08:00 KST, then sent', async () => {
    const e = brand.engine;
    await save(brand, {
      id: 'night',
      name: '이탈 위험 고객 윈백',
      purpose: 'ad',
      audience: {
        kind: 'definition',
        definition: {
          version: 1,
          root: { kind: 'analytics', field: 'rfm.segment', op: 'in', value: ['at_risk', 'cannot_lose_them'] },
        },
      },
      trigger: { kind: 'broadcast', at: '2026-11-25T22:30:00+09:00' },
      channel: 'email',
      templates: [
        { channel: 'email', subject: '{{ name }}님을 위한 복귀 혜택', text: '{{ name }}님, 다시 만나고 싶어요.' },
      ],
      sender: SENDER,
      sendTime: { time: '22:30', usePreferredHour: false },
    });
    nightSim = await simulateCampaign(e, { campaignId: 'night', from: '2026-11-25', to: '2026-11-25', policy: POLICY });
    const run = await runScheduler(e, {
      now: kst('2026-11-25', '22:40'),
      campaignIds: ['night'],
      policy: POLICY,
      couponSecret: COUPON_SECRET,
    });
    expect(run.deferred).toBeGreaterThan(20);
    expect({ deferred: run.deferred, blocked: run.blocked }).toEqual({
      deferred: nightSim.totals.deferred,
      blocked: nightSim.totals.blocked,
    });
    const deferred = await e.query<{ reason: string; due_at: Date; content: string }>(
      "SELECT reason, due_at, content FROM messages WHERE campaign_id = 'night' AND status = 'deferred'",
    );
    expect(new Set(deferred.map((d) => d.reason))).toEqual(new Set(['QUIET_HOURS']));
    expect(new Set(deferred.map((d) => d.due_at.toISOString()))).toEqual(
      new Set([kst('2026-11-26', '08:00').toISOString()]),
    );
    expect(Object.keys(run.blockedBy).length).toBeGreaterThan(0);

    const mailsBefore = ch.smtp.mails.length;
    const atNight = await dispatchUntilIdle(e, ch, clockFrom(kst('2026-11-25', '22:45')));
    expect(atNight.claimed).toBe(0);
    expect(ch.smtp.mails.length).toBe(mailsBefore);
    const morning = await dispatchUntilIdle(e, ch, clockFrom(kst('2026-11-26', '08:00')));
    expect(morning.accepted).toBe(deferred.length);
    const arrived = ch.smtp.mails.slice(mailsBefore);
    expect(arrived).toHaveLength(deferred.length);
    for (const m of arrived) expect(m.parsed.subject?.startsWith('(광고) ')).toBe(true);
    const accepted = await e.query<{ accepted_at: Date }>(
      "SELECT accepted_at FROM messages WHERE campaign_id = 'night' AND status = 'accepted'",
    );
    for (const a of accepted) expect(toKst(a.accepted_at).minuteOfDay).toBeGreaterThanOrEqual(8 * 60);
  });

  it('an ad due in the day is not sent by a dispatcher that only gets to it at night', async () => {
    const e = brand.engine;
    await save(brand, {
      id: 'late',
      name: '오후 공지',
      purpose: 'ad',
      audience: {
        kind: 'definition',
        definition: { version: 1, root: { kind: 'analytics', field: 'rfm.segment', op: 'eq', value: 'champions' } },
      },
      trigger: { kind: 'broadcast', at: '2026-11-28T15:00:00+09:00' },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님 주말 특가' }],
      sender: SENDER,
      sendTime: { time: '15:00', usePreferredHour: false },
    });
    const run = await runScheduler(e, {
      now: kst('2026-11-28', '15:01'),
      campaignIds: ['late'],
      policy: POLICY,
      couponSecret: COUPON_SECRET,
    });
    expect(run.queued).toBeGreaterThan(0);
    const before = ch.solapi.requests.length;
    const night = await dispatchUntilIdle(e, ch, clockFrom(kst('2026-11-28', '23:30')));
    expect(night.claimed).toBe(0);
    expect(ch.solapi.requests.length).toBe(before);
    const morning = await dispatchUntilIdle(e, ch, clockFrom(kst('2026-11-29', '08:01')));
    expect(morning.accepted).toBe(run.queued);
  });
});
