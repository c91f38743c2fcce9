import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toKstDay } from '@dalbit/core/time/kst';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { countSegment } from '../../segments/count-segment.ts';
import { exportSegment } from '../../segments/export-segment.ts';
import { sizeOnKstDay } from '../../segments/segment-history.ts';
import {
  getVersionOrThrow,
  listSegments,
  updateSegmentDefinition,
  updateSegmentHeader,
} from '../../segments/segment-store.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, clientIp } from '../caller.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';
import { parseOrThrow } from './segment-routes.ts';

const Id = z.object({ id: z.string().min(1).max(100) });
const Ok = z.record(z.string(), z.unknown());

/** Sizes of the saved segments, a new version of one, and archiving it. */
function segmentChangeRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/segment-sizes',
      tag: 'segments',
      access: 'read',
      summary:
        "The live size of every saved segment (active, or archived with status=archived) and yesterday's size (the last refresh of the previous KST day, null when there was none)",
      query: z.object({ status: z.enum(['active', 'archived']).default('active') }),
      responses: {
        200: {
          description: 'sizes by segment id',
          schema: z.object({
            sizes: z.record(z.string(), z.number().int()),
            yesterday: z.record(z.string(), z.number().int().nullable()),
          }),
        },
      },
      handle: async ({ query, c }) => {
        const now = deps.now();
        const sizes: Record<string, number> = {};
        const yesterday: Record<string, number | null> = {};
        for (const s of (await listSegments(engine)).filter((x) => x.status === query.status)) {
          const v = await getVersionOrThrow(engine, s.segmentId);
          const r = await countSegment(engine, v.definition, { asOf: now });
          if (r.ok) sizes[s.segmentId] = r.count;
          yesterday[s.segmentId] = await sizeOnKstDay(engine, s.segmentId, toKstDay(now) - 1);
        }
        return sendJson(c, { sizes, yesterday });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/segments/{id}/versions',
      tag: 'segments',
      access: 'audience.write',
      summary: 'Edit a segment: its definition becomes a new version (the old ones stay)',
      params: Id,
      body: z.object({ definition: z.unknown(), note: z.string().max(500).optional() }),
      responses: { 200: { description: 'the updated header', schema: z.object({ segment: Ok }) } },
      handle: async ({ params, body, c }) => {
        parseOrThrow(body.definition);
        const segment = await updateSegmentDefinition(engine, {
          segmentId: params.id,
          definition: body.definition,
          now: deps.now(),
          ...(body.note !== undefined ? { note: body.note } : {}),
        });
        return sendJson(c, { segment });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/segments/{id}/archive',
      tag: 'segments',
      access: 'audience.write',
      summary: 'Archive (delete from the list) a segment; its versions and history are kept',
      params: Id,
      responses: { 200: { description: 'the archived header', schema: z.object({ segment: Ok }) } },
      handle: async ({ params, c }) => {
        const segment = await updateSegmentHeader(engine, {
          segmentId: params.id,
          now: deps.now(),
          status: 'archived',
        });
        return sendJson(c, { segment });
      },
    }),
  ];
}

/** The members of a segment as a masked file (access-logged with who and from where). */
function segmentExportRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const trustedProxy = (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy;
  return [
    defineRoute({
      method: 'post',
      path: '/api/segments/{id}/export',
      tag: 'segments',
      access: 'read',
      summary: 'Current members as a CSV or XLSX file, personal data masked; the export is written to the access log',
      params: Id,
      body: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      responses: { 200: { description: 'the file (attachment)' }, 404: { description: 'no such segment' } },
      handle: async ({ params, body, c }) => {
        const dir = mkdtempSync(join(tmpdir(), 'dalbit-export-'));
        try {
          const out = join(dir, `segment.${body.format}`);
          await exportSegment(engine, {
            segmentId: params.id,
            format: body.format,
            out,
            actor: actorOf(c, trustedProxy),
            ...originOf(clientIp(c, trustedProxy)),
            now: deps.now(),
          });
          const type =
            body.format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
          return c.body(readFileSync(out), 200, {
            'content-type': type,
            'content-disposition': `attachment; filename="segment-${params.id}.${body.format}"`,
            'cache-control': 'no-store',
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    }),
  ];
}

/** Saved audiences in the dashboard: sizes, a new version (edit), archive (delete) and a masked member export. */
export function segmentManageRoutes(deps: ApiDeps): AnyRoute[] {
  return [...segmentChangeRoutes(deps), ...segmentExportRoutes(deps)];
}

const originOf = (ip: string | null): { origin?: string } => (ip === null ? {} : { origin: ip });
