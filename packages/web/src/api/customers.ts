import { getJson, postJson } from './client.ts';

export type Row = Record<string, unknown>;

export interface CustomerHit {
  readonly customerId: string;
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly grade: string | null;
  readonly orders: number;
  readonly revenue: number;
  readonly lastOrderAt: string | null;
}

export interface CustomerPage {
  readonly customers: readonly CustomerHit[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export interface CustomerView {
  readonly customerId: string;
  readonly masked: boolean;
  readonly profile: Row;
  readonly identities: readonly Row[];
  readonly channels: readonly Row[];
  readonly orders: { readonly summary: Row; readonly byChannel: readonly Row[]; readonly last: readonly Row[] };
  readonly consents: readonly Row[];
  readonly merges: readonly Row[];
}

export interface CustomerInsight {
  readonly customerId: string;
  readonly rfm: Row | null;
  readonly clv: Row | null;
  readonly traits: Row | null;
  readonly touch: Row | null;
  readonly segments: readonly { segmentId: string; name: string; enteredAt: string | null }[];
  readonly campaigns: readonly Row[];
  readonly consents: readonly Row[];
  readonly timeline: readonly Row[];
}

/** GET /api/customers — one page of masked search results and the total. */
export const searchCustomers = (
  q: string,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<CustomerPage> => getJson('/api/customers', { q, offset, limit }, signal);

/** GET /api/customers/{id} — the masked profile. */
export const fetchCustomer = (id: string, signal?: AbortSignal): Promise<CustomerView> =>
  getJson(`/api/customers/${encodeURIComponent(id)}`, { orders: 20 }, signal);

/** POST /api/customers/{id}/unmask — the unmasked profile; the reason goes to the access log. */
export const unmaskCustomer = (id: string, reason: string): Promise<CustomerView> =>
  postJson(`/api/customers/${encodeURIComponent(id)}/unmask`, { reason, orders: 20 });

/** GET /api/customers/{id}/insight — scores, traits, audiences, messages, consent history, timeline. */
export const fetchCustomerInsight = (id: string, signal?: AbortSignal): Promise<CustomerInsight> =>
  getJson(`/api/customers/${encodeURIComponent(id)}/insight`, { timeline: 100 }, signal);

/** `GET /api/customers/{id}/notices`: consent re-confirmation cycles and coupons issued (no contact values). */
export interface CustomerNotices {
  readonly asOf: string;
  readonly reconfirmations: readonly {
    readonly channel: string;
    readonly consentedAt: string | null;
    readonly dueAt: string;
    readonly state: 'upcoming' | 'pending' | 'sent' | 'undelivered' | 'lapsed';
    readonly reason: string | null;
  }[];
  readonly coupons: readonly {
    readonly code: string;
    readonly campaignId: string;
    readonly campaignName: string | null;
    readonly kind: string;
    readonly value: number;
    readonly issuedAt: string;
    readonly expiresAt: string;
    readonly redeemedAt: string | null;
    readonly state: 'redeemed' | 'expired' | 'live';
  }[];
}

export const fetchCustomerNotices = (id: string, signal?: AbortSignal): Promise<CustomerNotices> =>
  getJson(`/api/customers/${encodeURIComponent(id)}/notices`, {}, signal);
