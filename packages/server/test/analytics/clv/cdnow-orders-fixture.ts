import { readFileSync } from 'node:fs';
import { daysFromCivil, kstDayStart } from '@dalbit/core/time/kst';
import type { Row } from '../../support/insert-rows.ts';
import { orderRow } from '../../support/warehouse-rows.ts';

// The CDNOW 1/10 sample event log (Hardie, brucehardie.com; test-data/cdnow) as warehouse orders,
// amounts in cents, each at 20:30 KST of its day, plus rows the CLV scoring must ignore.
export const DATA = new URL('../../../../../test-data/cdnow/', import.meta.url);
export const AS_OF = daysFromCivil(1997, 10, 1);

export function cdnowOrders(): Row[] {
  const lines = readFileSync(new URL('cdnow_sample_elog.csv', DATA), 'utf8').trim().split('\n').slice(1);
  const rows = lines.map((line, i) => {
    const [, sampleId = '', date = '', , sales = ''] = line.split(',');
    const day = daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8)));
    // 20:30 KST: still the same Seoul day although it is 11:30 UTC
    const at = new Date(kstDayStart(day).getTime() + (20 * 60 + 30) * 60_000);
    const cents = Math.round(Number(sales) * 100);
    return { id: `cdnow:${i}`, customer: sampleId, at, cents };
  });
  const values = (o: { id: string; customer: string | null; at: Date; cents: number }, status: string): Row => ({
    ...orderRow({ id: o.id, customer: o.customer, at: o.at, channel: 'offline', status, gross: o.cents }),
    origin_customer_id: o.customer,
  });
  return [
    ...rows.map((o) => values(o, 'paid')),
    // Noise the scoring must ignore: a cancelled order, an order without customer, one after the as-of day.
    values({ id: 'x:1', customer: '1', at: new Date('1997-03-03T03:00:00Z'), cents: 999_999 }, 'cancelled'),
    values({ id: 'x:2', customer: null, at: new Date('1997-03-03T03:00:00Z'), cents: 5 }, 'paid'),
    values({ id: 'x:3', customer: '9999', at: kstDayStart(AS_OF), cents: 5 }, 'paid'),
  ];
}
