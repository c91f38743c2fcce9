import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoContext } from '../../src/demo/demo-context.ts';
import type { DemoPerson } from '../../src/demo/demo-model.ts';
import { DemoParamsSchema } from '../../src/demo/demo-params.ts';
import { generateEvents } from '../../src/demo/generate-events.ts';
import { generatePerson } from '../../src/demo/generate-person.ts';
import { COMPOUND_SURNAMES } from '../../src/demo/korean-names.ts';
import { civilFromDays, DAY_MS, toKstDay } from '../../src/time/kst.ts';

const ctx = createDemoContext(DemoParamsSchema.parse({ customers: 5000, seed: 21 }));
let people: DemoPerson[] = [];
const share = (n: number, d: number): number => n / Math.max(1, d);

beforeAll(() => {
  people = Array.from({ length: 5000 }, (_, i) => generatePerson(ctx, i));
});

describe('demo brand distributions', () => {
  it('purchase counts are heavy-tailed: most buyers order once, a few order ten times or more', () => {
    const buyers = people.filter((p) => p.orders.length > 0);
    expect(share(buyers.filter((p) => p.orders.length === 1).length, buyers.length)).toBeGreaterThan(0.45);
    expect(share(buyers.filter((p) => p.orders.length === 1).length, buyers.length)).toBeLessThan(0.72);
    const tenPlus = share(buyers.filter((p) => p.orders.length >= 10).length, buyers.length);
    expect(tenPlus).toBeGreaterThan(0.01);
    expect(tenPlus).toBeLessThan(0.12);
  });

  it('the discount-sensitive group buys mostly on discount; the others rarely', () => {
    const discountedShare = (p: DemoPerson): number =>
      share(p.orders.filter((o) => o.lines.some((l) => l.discount > 0)).length, p.orders.length);
    const repeat = people.filter((p) => p.orders.length >= 3);
    const sensitive = repeat.filter((p) => p.traits.discountSensitive);
    const others = repeat.filter((p) => !p.traits.discountSensitive);
    const heavy = (g: DemoPerson[]): number => share(g.filter((p) => discountedShare(p) >= 0.6).length, g.length);
    expect(share(people.filter((p) => p.traits.discountSensitive).length, people.length)).toBeGreaterThan(0.1);
    expect(share(people.filter((p) => p.traits.discountSensitive).length, people.length)).toBeLessThan(0.2);
    expect(heavy(sensitive)).toBeGreaterThan(0.7);
    expect(heavy(others)).toBeLessThan(0.1);
  });

  it('about a third of repeat marketplace buyers later buy on the own shop', () => {
    const mk = new Set(['smartstore', 'musinsa', '29cm', 'coupang']);
    const repeatMarket = people.filter((p) => p.orders.length >= 2 && mk.has(p.orders[0]?.channel ?? ''));
    const migrated = repeatMarket.filter((p) => p.orders.slice(1).some((o) => o.channel === 'cafe24'));
    expect(share(migrated.length, repeatMarket.length)).toBeGreaterThan(0.2);
    expect(share(migrated.length, repeatMarket.length)).toBeLessThan(0.5);
  });

  it('about 15% of birthdays are lunar; compound surnames occur', () => {
    const lunar = share(people.filter((p) => p.birth.lunar).length, people.length);
    expect(lunar).toBeGreaterThan(0.1);
    expect(lunar).toBeLessThan(0.2);
    expect(people.some((p) => COMPOUND_SURNAMES.includes(p.name.surname))).toBe(true);
  });

  it('phones, e-mails and member ids are unique per person', () => {
    expect(new Set(people.map((p) => p.phone)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.email.toLowerCase())).size).toBe(people.length);
    const members = people.flatMap((p) => (p.cafe24 ? [p.cafe24.memberId] : []));
    expect(new Set(members).size).toBe(members.length);
    expect(people.every((p) => /^010[2-9]\d{7}$/.test(p.phone))).toBe(true);
  });

  it('orders follow the season: late November sells over twice a summer day', () => {
    const perDay = new Map<number, number>();
    for (const p of people) for (const o of p.orders) perDay.set(toKstDay(o.at), (perDay.get(toKstDay(o.at)) ?? 0) + 1);
    const avg = (pred: (m: number, d: number) => boolean): number => {
      let sum = 0;
      let n = 0;
      for (let day = ctx.firstDay + 60; day <= ctx.lastDay - 30; day++) {
        const { month, day: dom } = civilFromDays(day);
        if (!pred(month, dom)) continue;
        sum += perDay.get(day) ?? 0;
        n++;
      }
      return sum / n;
    };
    expect(avg((m, d) => m === 11 && d >= 24) / avg((m) => m === 7 || m === 8)).toBeGreaterThan(2);
  });

  it('products are bought together: cushion with lip far above chance; toner owners move on to serum', () => {
    let orders = 0;
    let cushion = 0;
    let lip = 0;
    let both = 0;
    let tonerOwners = 0;
    let serumAfterToner = 0;
    for (const p of people) {
      let tonerAt: number | undefined;
      for (const o of p.orders) {
        const kinds = new Set(o.lines.map((l) => l.product.kind));
        orders++;
        if (kinds.has('쿠션')) cushion++;
        if (kinds.has('립')) lip++;
        if (kinds.has('쿠션') && kinds.has('립')) both++;
        if (tonerAt === undefined && kinds.has('토너')) tonerAt = o.at;
      }
      if (tonerAt !== undefined && p.orders.some((o) => o.at > (tonerAt ?? 0))) {
        tonerOwners++;
        if (p.orders.some((o) => o.at > (tonerAt ?? 0) && o.lines.some((l) => l.product.kind === '세럼')))
          serumAfterToner++;
      }
    }
    const lift = share(both, orders) / (share(cushion, orders) * share(lip, orders));
    expect(lift).toBeGreaterThan(2);
    const serumOrders = share(
      people.flatMap((p) => p.orders).filter((o) => o.lines.some((l) => l.product.kind === '세럼')).length,
      orders,
    );
    expect(share(serumAfterToner, tonerOwners)).toBeGreaterThan(serumOrders * 1.5);
  });

  it('returners and cancellers stand out from everyone else', () => {
    const rate = (g: DemoPerson[], s: string): number => {
      const lines = g.flatMap((p) => p.orders.flatMap((o) => o.lines));
      return share(lines.filter((l) => l.status === s).length, lines.length);
    };
    const returners = people.filter((p) => p.traits.returner);
    const cancellers = people.filter((p) => p.traits.canceller);
    const normal = people.filter((p) => !p.traits.returner && !p.traits.canceller);
    expect(rate(returners, 'returned')).toBeGreaterThan(4 * rate(normal, 'returned'));
    expect(rate(cancellers, 'cancelled')).toBeGreaterThan(4 * rate(normal, 'cancelled'));
  });

  it('keeps everything inside the history and before the export', () => {
    const start = ctx.firstDay * DAY_MS - 9 * 3_600_000;
    for (const p of people) {
      for (const o of p.orders) {
        expect(o.at).toBeGreaterThanOrEqual(start);
        expect(toKstDay(o.at)).toBeLessThanOrEqual(ctx.lastDay);
      }
    }
  });

  it('events include cart abandoners and repeated viewers who did not buy', () => {
    let abandoners = 0;
    let repeatViewers = 0;
    for (const p of people.slice(0, 2500)) {
      const events = generateEvents(ctx, p);
      const bought = new Set(p.orders.flatMap((o) => o.lines.map((l) => l.product.code)));
      if (events.some((e) => e.type === 'add_to_cart' && !bought.has(e.product_id ?? ''))) abandoners++;
      const views = new Map<string, number[]>();
      for (const e of events)
        if (e.type === 'product_view' && e.product_id)
          views.set(e.product_id, [...(views.get(e.product_id) ?? []), Date.parse(e.occurred_at)]);
      const repeated = [...views].some(
        ([code, ts]) => !bought.has(code) && ts.some((t) => ts.filter((u) => u >= t && u < t + 7 * DAY_MS).length >= 3),
      );
      if (repeated) repeatViewers++;
      for (const e of events) expect(e.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    }
    expect(abandoners).toBeGreaterThan(100);
    expect(repeatViewers).toBeGreaterThan(50);
  });
});
