import type { CampaignInput } from '@dalbit/core/campaigns/schema';
import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { type CompliancePolicy, CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { fromKst } from '@dalbit/core/time/kst';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { insertRows, type Row } from '../support/insert-rows.ts';

/** Brand settings every ad needs (sender, 080 number); holidays off so dates stay simple. */
export const POLICY: CompliancePolicy = CompliancePolicySchema.parse({
  sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
  holidays: { avoidLunarHolidays: false },
});
export const SECRET = 'test-coupon-secret';
const T0 = new Date('2024-01-01T00:00:00Z');

/** KST wall-clock instant: kst('2025-06-10', '22:30'). */
export const kst = (day: string, clock = '00:00'): Date => {
  const [h, m] = clock.split(':').map(Number);
  return fromKst(day, (h ?? 0) * 60 + (m ?? 0));
};

let seq = 0;
export const customer = (id: string, r: Row = {}): Row => ({
  customer_id: id,
  name: `고객${id}`,
  phone: `+8210${String(10_000_000 + Number(id.replace(/\D/g, '') || 0)).slice(-8)}`,
  created_at: T0,
  updated_at: T0,
  ...r,
});
export const consent = (
  customer_id: string,
  channel: string,
  purpose: string,
  granted = true,
  at: Date = T0,
  source = 'cafe24',
): Row => ({
  consent_id: `k${++seq}`,
  customer_id,
  origin_customer_id: customer_id,
  channel,
  purpose,
  granted,
  at,
  source,
});
export const member = (customer_id: string, channel = 'cafe24', joined: Date | null = T0): Row => ({
  customer_id,
  origin_customer_id: customer_id,
  channel,
  member_id: `${channel}:${customer_id}`,
  joined_at: joined,
  first_seen_at: joined ?? T0,
});
export const event = (customer_id: string, type: string, at: Date, r: Row = {}): Row => ({
  event_id: `e${++seq}`,
  customer_id,
  type,
  occurred_at: at,
  source: 'test',
  ...r,
});
export const order = (customer_id: string, at: Date, r: Row = {}): Row => ({
  order_id: `o${++seq}`,
  channel: 'cafe24',
  customer_id,
  ordered_at: at,
  status: 'paid',
  gross_amount: 30_000,
  discount_amount: 0,
  paid_amount: 30_000,
  source: 'test',
  ...r,
});

export async function openFixture(
  tables: Record<string, readonly Row[]>,
  kind: EngineKind = 'duckdb',
): Promise<Engine> {
  const engine = await openMemoryWarehouse(kind);
  for (const [t, rows] of Object.entries(tables)) await insertRows(engine, t, rows);
  return engine;
}

export const SMS_SENDER = { smsFrom: '0212345678' };

export async function addCampaign(engine: Engine, input: CampaignInput): Promise<void> {
  await saveCampaign(engine, CampaignDefinition.parse(input), T0);
}

/** n customers with SMS ad consent from the brand's own shop. */
export function consenting(n: number, prefix = 'c'): { customers: Row[]; consents: Row[]; customer_channels: Row[] } {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
  return {
    customers: ids.map((id) => customer(id)),
    consents: ids.map((id) => consent(id, 'sms', 'ad')),
    customer_channels: ids.map((id) => member(id)),
  };
}
