import { PUSH_TOKENS } from '@dalbit/core/ingest/tracker-tables';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { type Engine, sql } from '../../engines/engine.ts';
import { updateRows } from '../../engines/update-rows.ts';
import { createTrackerGate } from '../../tracker/tracker-gate.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute, readJson, validateBody } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const PushToken = z.object({
  token: z.string().min(8).max(4096).describe('FCM registration token or web-push endpoint'),
  anonymous_id: z.string().min(1).max(200).describe('the tracker visitor id (dalbit.anonymousId())'),
  platform: z.enum(['web', 'android', 'ios']).default('web'),
});
const RemoveToken = z.object({ token: z.string().min(8).max(4096) });

/** Stores a token (re-registering moves it to the new visitor and revives it). */
async function storeToken(engine: Engine, t: z.infer<typeof PushToken>, site: string, now: Date): Promise<void> {
  // DuckDB: one transaction; chDB: one turn, a tombstone then the newer row (decision 0019).
  await engine.transaction(async (tx) => {
    await tx.query(
      compileBound(tx.dialect, (b) =>
        tx.dialect.write.deleteWhere({ table: PUSH_TOKENS, alias: 't', where: `t.token = ${b.p(t.token, 'string')}` }),
      ),
    );
    await tx.insert(PUSH_TOKENS.name, columnNames(PUSH_TOKENS), [
      [t.token, t.anonymous_id, t.platform, site, now, null],
    ]);
  });
}

/** Device / web-push tokens registered by the tracker (public write key, like events). */
export function pushRoutes(deps: ApiDeps): AnyRoute[] {
  const gate = createTrackerGate({
    siteKeys: deps.siteKeys,
    now: deps.now,
    trustedProxy: (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy,
    limits: deps.trackerLimits,
  });
  const key = z.object({ key: z.string().max(200).optional().describe('the site’s write key (dwk_…)') });
  return [
    defineRoute({
      method: 'post',
      path: '/api/push/tokens',
      tag: 'ingest',
      access: 'public',
      summary:
        'Register a push token for a visitor (tracker write key); it reaches the customer the visitor is linked to',
      query: key,
      bodyDoc: PushToken,
      responses: { 201: { description: 'stored', schema: z.object({ registered: z.literal(true) }) } },
      handle: async ({ c }) => {
        const { site } = gate.admit(c);
        // text/plain like the events batch, so the tracker needs no CORS preflight.
        const body = validateBody(PushToken, await readJson(c));
        await storeToken(deps.engine, body, site, deps.now());
        return sendJson(c, { registered: true as const }, 201);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/push/tokens/remove',
      tag: 'ingest',
      access: 'public',
      summary: 'Unregister a push token (the device turned notifications off)',
      query: key,
      bodyDoc: RemoveToken,
      responses: { 200: { description: 'removed', schema: z.object({ removed: z.number().int() }) } },
      handle: async ({ c }) => {
        gate.admit(c);
        const body = validateBody(RemoveToken, await readJson(c));
        const d = deps.engine.dialect;
        const live = await deps.engine.query<{ n: number }>(
          sql(
            `SELECT count(*) AS n FROM push_tokens WHERE token = ${d.placeholder(1, 'string')} AND removed_at IS NULL`,
            [body.token],
            ['string'],
          ),
        );
        await updateRows(
          deps.engine,
          PUSH_TOKENS.name,
          { removed_at: [deps.now(), 'timestamp'] },
          { token: [body.token, 'string'] },
          'r.removed_at IS NULL',
        );
        return sendJson(c, { removed: Number(live[0]?.n ?? 0) }, 200);
      },
    }),
  ];
}
