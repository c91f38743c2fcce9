import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { compileBound } from '@dalbit/core/sql/bind-sql';
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
  /** The name (or email) of the user who saved this revision, for people to read. */
  changedByName: z.string().nullable(),
  changedAt: z.iso.datetime().nullable(),
  /** Sender fields still empty: ads cannot launch until they are set. */
  missingSender: z.array(z.string()),
});

/** A user's name (else email) by id; the id itself for a non-user author such as `demo`. */
async function userDisplayName(engine: ApiDeps['engine'], id: string): Promise<string> {
  const [u] = await engine.query<{ name: string | null; email: string }>(
    compileBound(engine.dialect, (b) => `SELECT name, email FROM users WHERE user_id = ${b.p(id, 'string')}`),
  );
  return u ? u.name || u.email : id;
}

export function settingsRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const view = async (s: Awaited<ReturnType<typeof readComplianceSettings>>) => ({
    ...s,
    changedByName: s.changedBy ? await userDisplayName(engine, s.changedBy) : null,
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
      handle: async ({ c }) => sendJson(c, await view(await readComplianceSettings(engine))),
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
        return sendJson(c, await view(await saveComplianceSettings(engine, body, { by: who.id, at: deps.now() })));
      },
    }),
  ];
}
