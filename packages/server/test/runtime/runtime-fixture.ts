import { CampaignDefinition, type CampaignInput } from '@dalbit/core/campaigns/schema';
import { type CompliancePolicy, CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { fromKst } from '@dalbit/core/time/kst';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { insertRows, type Row } from '../support/insert-rows.ts';

export const POLICY: CompliancePolicy = CompliancePolicySchema.parse({
  sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
  holidays: { avoidLunarHolidays: false },
});
export const SMS_FROM = '0212345678';
export const SENDER = { smsFrom: SMS_FROM, email: { name: '달빛상회', address: 'news@dalbit.test' } };
const T0 = new Date('2024-01-01T00:00:00Z');

/** KST wall-clock instant: kst('2026-11-16', '10:00'). */
export const kst = (day: string, clock = '00:00'): Date => {
  const [h, m] = clock.split(':').map(Number);
  return fromKst(day, (h ?? 0) * 60 + (m ?? 0));
};

/** `n` customers with an email, a mobile number and informational consent on both channels. */
export async function seedCustomers(engine: Engine, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `c${String(i + 1).padStart(3, '0')}`);
  const rows = (f: (id: string, i: number) => Row) => ids.map(f);
  await insertRows(
    engine,
    'customers',
    rows((id, i) => ({
      customer_id: id,
      name: `고객${i + 1}`,
      email: `${id}@example.kr`,
      phone: `+8210${String(20_000_000 + i)}`,
      created_at: T0,
      updated_at: T0,
    })),
  );
  await insertRows(
    engine,
    'customer_channels',
    rows((id) => ({
      customer_id: id,
      origin_customer_id: id,
      channel: 'cafe24',
      member_id: `cafe24:${id}`,
      joined_at: T0,
      first_seen_at: T0,
    })),
  );
  await insertRows(
    engine,
    'consents',
    ids.flatMap((id) =>
      ['email', 'sms'].map((channel) => ({
        consent_id: `k-${id}-${channel}`,
        customer_id: id,
        origin_customer_id: id,
        channel,
        purpose: 'info',
        granted: true,
        at: T0,
        source: 'cafe24',
      })),
    ),
  );
  return ids;
}

/** An informational broadcast on `channel` at `at` to every customer. */
export function broadcast(id: string, channel: 'email' | 'sms', at: Date): CampaignDefinition {
  const input: CampaignInput = {
    id,
    name: `${id} 안내`,
    purpose: 'info',
    trigger: { kind: 'broadcast', at: at.toISOString() },
    channel,
    templates: [
      channel === 'email'
        ? { channel, subject: '{{ name }}님, 배송 안내', text: '{{ name }}님, 주문하신 상품이 출고되었습니다.' }
        : { channel, text: '{{ name }}님 주문 상품 출고' },
    ],
    sender: SENDER,
  };
  return CampaignDefinition.parse(input);
}

export async function saveBroadcast(engine: Engine, c: CampaignDefinition, savedAt: Date): Promise<void> {
  await saveCampaign(engine, c, savedAt);
}

export async function countRows(engine: Engine, sql: string): Promise<number> {
  const [r] = await engine.query<{ n: number | bigint }>(sql);
  return Number(r?.n ?? 0);
}
