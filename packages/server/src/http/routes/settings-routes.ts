import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { z } from 'zod';
import {
  missingSenderFields,
  readComplianceSettings,
  saveComplianceSettings,
} from '../../campaigns/compliance-settings.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute, principalOf } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Settings = z.object({
  policy: z.record(z.string(), z.unknown()),
  revision: z.number().int(),
  changedBy: z.string().nullable(),
  changedAt: z.iso.datetime().nullable(),
  /** Sender fields still empty: ads cannot launch until they are set. */
  missingSender: z.array(z.string()),
});

export function settingsRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const view = (s: Awaited<ReturnType<typeof readComplianceSettings>>) => ({
    ...s,
    missingSender: missingSenderFields(s.policy),
  });
  return [
    defineRoute({
      method: 'get',
      path: '/api/settings/compliance',
      tag: 'settings',
      access: 'read',
      summary: 'Sender and compliance settings: sender name, contact, 080 opt-out, quiet hours, caps, holidays',
      responses: { 200: { description: 'current settings (revision 0 = defaults)', schema: Settings } },
      handle: async ({ c }) => sendJson(c, view(await readComplianceSettings(engine))),
    }),
    defineRoute({
      method: 'put',
      path: '/api/settings/compliance',
      tag: 'settings',
      access: 'settings.write',
      summary: 'Replace the settings with a new revision (changedBy = the caller)',
      body: z.record(z.string(), z.unknown()),
      bodyDoc: CompliancePolicySchema,
      responses: {
        200: { description: 'saved', schema: Settings },
        400: { description: 'SETTINGS_INVALID with issues per field' },
      },
      handle: async ({ body, c }) => {
        const who = principalOf(c);
        return sendJson(c, view(await saveComplianceSettings(engine, body, { by: who.id, at: deps.now() })));
      },
    }),
  ];
}
