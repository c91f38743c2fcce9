import { z } from 'zod';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  readConsentView,
  recordConsentChange,
} from '../../consent/record-consent.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute, principalOf } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Customer = z.object({ id: z.string().min(1).max(200).describe('customer id, phone or email') });

export function consentRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/customers/{id}/consents',
      tag: 'consent',
      access: 'read',
      summary: 'Consent state per channel and purpose, and the append-only history with proof',
      params: Customer,
      responses: {
        200: { description: 'ConsentView', schema: z.record(z.string(), z.unknown()) },
        404: { description: 'CUSTOMER_NOT_FOUND' },
      },
      handle: async ({ params, c }) => sendJson(c, await readConsentView(engine, params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/customers/{id}/consents',
      tag: 'consent',
      access: 'campaign.write',
      summary: 'Record a grant (proof required) or a withdrawal (effective at once) for channels and purposes',
      params: Customer,
      body: z.object({
        granted: z.boolean(),
        channels: z.array(z.enum(CONSENT_CHANNELS)).min(1),
        purposes: z.array(z.enum(CONSENT_PURPOSES)).min(1),
        proof: z.string().max(2000).optional(),
        at: z.iso.datetime({ offset: true }).optional().describe('when it happened (default now)'),
      }),
      responses: {
        201: { description: 'appended', schema: z.object({ customerId: z.string(), added: z.number().int() }) },
        400: { description: 'CONSENT_PROOF_REQUIRED or invalid values' },
        404: { description: 'CUSTOMER_NOT_FOUND' },
      },
      handle: async ({ params, body, c }) => {
        const who = principalOf(c);
        const r = await recordConsentChange(engine, {
          customer: params.id,
          granted: body.granted,
          channels: body.channels,
          purposes: body.purposes,
          at: body.at ? new Date(body.at) : deps.now(),
          source: `dashboard:${who.email}`,
          proof: body.proof,
        });
        return sendJson(c, r, 201);
      },
    }),
  ];
}
