import { z } from 'zod';
import { readAccessLog } from '../access-log.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';
import { verifyAccessLog } from '../verify-access-log.ts';

const Entry = z.object({
  seq: z.number().int().nullable(),
  logId: z.string(),
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  reason: z.string().nullable(),
  origin: z.string().nullable(),
});
const Problem = z.object({ kind: z.string(), seq: z.number().int().nullable(), detail: z.string() });
const Report = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  legacy: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  problems: z.array(Problem),
});

/** The personal-data access log, for the privacy officer and the owner (`audit.read`). */
export function auditRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit/log',
      tag: 'audit',
      access: 'audit.read',
      summary: 'Access-log entries, newest first: who saw or exported whose personal data, why, from where',
      query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      responses: { 200: { description: 'entries', schema: z.object({ entries: z.array(Entry) }) } },
      handle: async ({ query, c }) => {
        const all = await readAccessLog(engine);
        const entries = all
          .slice(-query.limit)
          .reverse()
          .map(({ hash: _h, prevHash: _p, ...e }) => ({ ...e, at: e.at.toISOString() }));
        return sendJson(c, { entries });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit/verify',
      tag: 'audit',
      access: 'audit.read',
      summary: 'Verifies the access log: keyed hash chain, sequence without gaps, head anchored in the data directory',
      responses: { 200: { description: 'the verification report', schema: Report } },
      handle: async ({ c }) => sendJson(c, await verifyAccessLog(engine)),
    }),
  ];
}
