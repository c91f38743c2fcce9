import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { z } from 'zod';
import { findCustomer } from '../../identity/find-customer.ts';
import { readCustomerView } from '../../identity/read-customer.ts';
import { appendAccessLog } from '../access-log.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { searchCustomers } from '../customer-search.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { maskEmail, maskName, maskPhone } from '../mask.ts';
import { maskCustomerView } from '../mask-customer-view.ts';
import { sendJson } from '../send-json.ts';

const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const Hit = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  grade: z.string().nullable(),
  orders: z.number().int(),
  revenue: z.number().int(),
  lastOrderAt: z.iso.datetime().nullable(),
});
const Rows = z.array(z.record(z.string(), z.unknown()));
const View = z.object({
  customerId: z.string(),
  via: z.string(),
  mergedFrom: z.string().optional(),
  masked: z.boolean(),
  profile: z.record(z.string(), z.unknown()),
  identities: Rows,
  channels: Rows,
  orders: z.object({ summary: z.record(z.string(), z.unknown()), byChannel: Rows, last: Rows }),
  consents: Rows,
  merges: Rows,
});

/** Who asked: the `x-dalbit-actor` header (set by a proxy that authenticates users) or "dashboard". */
export function actorOf(c: Context): string {
  return (c.req.header('x-dalbit-actor') ?? 'dashboard').slice(0, 200);
}

export function originOf(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export function customerRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/customers',
      tag: 'customers',
      summary:
        'Search customers by name, phone (any format, or its last 4 digits), email, member key or id; personal data masked',
      query: z.object({
        q: z.string().max(200).default('').describe('search text; empty lists recently updated customers'),
        limit: z.coerce.number().int().min(1).max(200).default(20),
      }),
      responses: { 200: { description: 'matching customers (masked)', schema: z.object({ customers: z.array(Hit) }) } },
      handle: async ({ query, c }) => {
        const hits = await searchCustomers(engine, query.q, { limit: query.limit });
        return sendJson(c, {
          customers: hits.map((h) => ({
            ...h,
            name: maskName(h.name),
            phone: maskPhone(h.phone),
            email: maskEmail(h.email),
          })),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/customers/{id}',
      tag: 'customers',
      summary:
        'Customer profile: identities, channels, orders, consents, merges. Masked unless unmask=true with a reason (written to access_log)',
      params: z.object({
        id: z
          .string()
          .min(1)
          .max(200)
          .describe('customer id (merged ids follow the merge), phone, email or member key'),
      }),
      query: z.object({
        unmask: Flag.default(false).describe('show personal data unmasked; requires reason'),
        reason: z.string().trim().max(500).optional().describe('why the unmasked data is needed (access log)'),
        orders: z.coerce.number().int().min(1).max(100).default(10),
      }),
      responses: { 200: { description: 'the customer', schema: View }, 404: { description: 'no such customer' } },
      handle: async ({ params, query, c }) => {
        if (query.unmask && (query.reason ?? '').length < 2) {
          throw new ApiError(
            'REASON_REQUIRED',
            '개인정보 열람 사유를 입력하세요 / a reason is required to view unmasked personal data',
            [{ path: ['query', 'reason'], message: 'required when unmask=true (at least 2 characters)' }],
          );
        }
        const found = await findCustomer(engine, params.id);
        if (!found.found) throw new ApiError('NOT_FOUND', found.reason);
        const view = await readCustomerView(engine, found.customerId, { lastOrders: query.orders });
        if (!view) throw new ApiError('NOT_FOUND', `customer ${found.customerId} has no profile`);
        if (query.unmask) {
          await appendAccessLog(engine, {
            actor: actorOf(c),
            action: 'customer.view_unmasked',
            subject: found.customerId,
            reason: query.reason ?? null,
            origin: originOf(c),
            at: deps.now(),
          });
        }
        const shown = query.unmask ? view : maskCustomerView(view);
        return sendJson(c, {
          customerId: found.customerId,
          via: query.unmask ? found.via : found.via.replace(/:.*/, ''),
          ...(found.mergedFrom ? { mergedFrom: found.mergedFrom } : {}),
          masked: !query.unmask,
          ...shown,
        });
      },
    }),
  ];
}
