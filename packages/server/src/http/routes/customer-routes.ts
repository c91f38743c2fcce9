import { translate } from '@dalbit/core/i18n/catalog';
import type { Context } from 'hono';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { findCustomer } from '../../identity/find-customer.ts';
import { readCustomerView } from '../../identity/read-customer.ts';
import { appendAccessLog } from '../access-log.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { actorOf, clientIp } from '../caller.ts';
import { searchCustomers } from '../customer-search.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { maskEmail, maskName, maskPhone } from '../mask.ts';
import { maskCustomerView } from '../mask-customer-view.ts';
import { sendJson } from '../send-json.ts';

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

const IdParam = z.object({
  id: z.string().min(1).max(200).describe('customer id (merged ids follow the merge), phone, email or member key'),
});
const Orders = z.coerce.number().int().min(1).max(100).default(10);

export function customerRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const trustedProxy = (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy;
  /** One customer's view; unmasked (and access-logged first) only when a reason is given. */
  const profile = async (id: string, orders: number, reason: string | null, c: Context) => {
    const found = await findCustomer(engine, id);
    if (!found.found) throw new ApiError('NOT_FOUND', found.reason);
    const view = await readCustomerView(engine, found.customerId, { lastOrders: orders });
    if (!view) throw new ApiError('NOT_FOUND', `customer ${found.customerId} has no profile`);
    if (reason !== null) {
      await appendAccessLog(engine, {
        actor: actorOf(c, trustedProxy),
        action: 'customer.view_unmasked',
        subject: found.customerId,
        reason,
        origin: clientIp(c, trustedProxy),
        at: deps.now(),
      });
    }
    const unmasked = reason !== null;
    return {
      customerId: found.customerId,
      via: unmasked ? found.via : found.via.replace(/:.*/, ''),
      ...(found.mergedFrom ? { mergedFrom: found.mergedFrom } : {}),
      masked: !unmasked,
      ...(unmasked ? view : maskCustomerView(view)),
    };
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/customers',
      tag: 'customers',
      access: 'read',
      summary:
        'Search customers by name, phone (any format, or its last 4 digits), email, member key or id; personal data masked',
      query: z.object({
        q: z.string().max(200).default('').describe('search text; empty lists recently updated customers'),
        limit: z.coerce.number().int().min(1).max(200).default(20),
        offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('rows to skip (paging)'),
      }),
      responses: {
        200: {
          description: 'one page of matching customers (masked) and how many match in all',
          schema: z.object({
            customers: z.array(Hit),
            total: z.number().int(),
            offset: z.number().int(),
            limit: z.number().int(),
          }),
        },
      },
      handle: async ({ query, c }) => {
        const { hits, total } = await searchCustomers(engine, query.q, { limit: query.limit, offset: query.offset });
        return sendJson(c, {
          total,
          offset: query.offset,
          limit: query.limit,
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
      access: 'read',
      summary: 'Customer profile: identities, channels, orders, consents, merges; personal data masked',
      params: IdParam,
      query: z.object({ orders: Orders }),
      responses: {
        200: { description: 'the customer (masked)', schema: View },
        404: { description: 'no such customer' },
      },
      handle: async ({ params, query, c }) => sendJson(c, await profile(params.id, query.orders, null, c)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/customers/{id}/unmask',
      tag: 'customers',
      access: 'pii.unmask',
      summary:
        'Customer profile with personal data unmasked; needs a reason, and the view is written to the access log with the caller',
      params: IdParam,
      body: z.object({
        reason: z
          .string()
          .trim()
          .max(500)
          .describe('why the unmasked data is needed (access log, at least 2 characters)'),
        orders: Orders.optional(),
      }),
      responses: {
        200: { description: 'the customer, unmasked', schema: View },
        404: { description: 'no such customer' },
      },
      handle: async ({ params, body, c }) => {
        if (body.reason.length < 2) {
          throw new ApiError('REASON_REQUIRED', translate('ko', 'auth.reasonRequired'), [
            { path: ['body', 'reason'], message: 'required (at least 2 characters)' },
          ]);
        }
        return sendJson(c, await profile(params.id, body.orders ?? 10, body.reason, c));
      },
    }),
  ];
}
