import { type DefinitionDiff, diffDefinitions } from '@dalbit/core/segments/diff-definitions';
import { explainSegment } from '@dalbit/core/segments/explain';
import type { ExplainNames } from '@dalbit/core/segments/explain-names';
import type { SegmentDefinition } from '@dalbit/core/segments/schema';
import { isoDateToKstDay } from '@dalbit/core/time/kst';
import { z } from 'zod';
import type { Engine } from '../../engines/engine.ts';
import { definitionNames } from '../../segments/definition-names.ts';
import { segmentDays, segmentMovers } from '../../segments/segment-history.ts';
import { getSegmentOrThrow, listVersions, updateSegmentHeader } from '../../segments/segment-store.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { maskedNames } from '../masked-names.ts';
import { sendJson } from '../send-json.ts';

const Id = z.object({ id: z.string().min(1).max(100) });
const Label = z.object({ ko: z.string(), en: z.string() });
const Diff = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  kept: z.array(z.string()),
  joinChanged: z.boolean(),
});
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => isoDateToKstDay(s) !== undefined, 'not a calendar date');
const Mover = z.object({ customerId: z.string(), name: z.string().nullable() });

const mergeNames = (a: ExplainNames, b: ExplainNames): ExplainNames => ({
  products: new Map([...(a.products ?? []), ...(b.products ?? [])]),
  segments: new Map([...(a.segments ?? []), ...(b.segments ?? [])]),
});

/** Every version read back in both languages with what changed from the one before. */
async function versionsAnswer(engine: Engine, segmentId: string) {
  const versions = await listVersions(engine, segmentId);
  const out = [];
  let previous: { definition: SegmentDefinition; names: ExplainNames } | null = null;
  for (const v of versions) {
    const names = await definitionNames(engine, v.definition);
    const both = previous ? mergeNames(previous.names, names) : names;
    const diff = (lang: 'ko' | 'en'): DefinitionDiff | null =>
      previous ? diffDefinitions(previous.definition, v.definition, lang, both) : null;
    out.push({
      version: v.version,
      createdAt: v.createdAt,
      note: v.note,
      explain: { ko: explainSegment(v.definition, 'ko', names), en: explainSegment(v.definition, 'en', names) },
      changes: previous ? { ko: diff('ko'), en: diff('en') } : null,
    });
    previous = { definition: v.definition, names };
  }
  return out.reverse();
}

/** An audience's size per day and who entered and left. */
function historyRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/segments/{id}/days',
      tag: 'segments',
      access: 'read',
      summary:
        "An audience's size per KST day (the day's last membership refresh) with how many entered and left that day",
      params: Id,
      responses: {
        200: {
          description: 'one row per day with a refresh, oldest first',
          schema: z.object({
            days: z.array(
              z.object({
                day: z.string(),
                size: z.number().int(),
                entered: z.number().int(),
                exited: z.number().int(),
                refreshedAt: z.iso.datetime(),
              }),
            ),
          }),
        },
        404: { description: 'no such segment' },
      },
      handle: async ({ params, c }) => {
        await getSegmentOrThrow(engine, params.id);
        return sendJson(c, { days: await segmentDays(engine, params.id) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/segments/{id}/movers',
      tag: 'segments',
      access: 'read',
      summary: 'Who entered and who left an audience on one KST day (names masked)',
      params: Id,
      query: z.object({ day: Day, limit: z.coerce.number().int().min(1).max(1000).default(50) }),
      responses: {
        200: {
          description: 'the customers',
          schema: z.object({ day: z.string(), entered: z.array(Mover), exited: z.array(Mover) }),
        },
        404: { description: 'no such segment' },
      },
      handle: async ({ params, query, c }) => {
        await getSegmentOrThrow(engine, params.id);
        const day = isoDateToKstDay(query.day) as number;
        const m = await segmentMovers(engine, { segmentId: params.id, day, limit: query.limit });
        const names = await maskedNames(engine, [...m.entered, ...m.exited]);
        const person = (id: string) => ({ customerId: id, name: names.get(id) ?? null });
        return sendJson(c, { day: query.day, entered: m.entered.map(person), exited: m.exited.map(person) });
      },
    }),
  ];
}

/** Every version read back, with what changed. */
function versionRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/segments/{id}/versions',
      tag: 'segments',
      access: 'read',
      summary: 'Every version of an audience, newest first, read back in words with what changed from the one before',
      params: Id,
      responses: {
        200: {
          description: 'the versions',
          schema: z.object({
            versions: z.array(
              z.object({
                version: z.number().int(),
                createdAt: z.iso.datetime(),
                note: z.string().nullable(),
                explain: Label,
                changes: z.object({ ko: Diff, en: Diff }).nullable(),
              }),
            ),
          }),
        },
        404: { description: 'no such segment' },
      },
      handle: async ({ params, c }) => {
        await getSegmentOrThrow(engine, params.id);
        return sendJson(c, { versions: await versionsAnswer(engine, params.id) });
      },
    }),
  ];
}

/** Renaming and pinning an audience (a new header revision; pinned audiences come first in lists). */
function headerRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/segments/{id}/header',
      tag: 'segments',
      access: 'audience.write',
      summary: 'Rename and/or pin an audience',
      params: Id,
      body: z
        .object({ name: z.string().trim().min(1).max(200).optional(), pinned: z.boolean().optional() })
        .strict()
        .refine((b) => b.name !== undefined || b.pinned !== undefined, 'name or pinned is required'),
      responses: {
        200: { description: 'the new header', schema: z.object({ segment: z.record(z.string(), z.unknown()) }) },
        404: { description: 'no such segment' },
      },
      handle: async ({ params, body, c }) => {
        const segment = await updateSegmentHeader(deps.engine, {
          segmentId: params.id,
          now: deps.now(),
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.pinned !== undefined ? { pinned: body.pinned } : {}),
        });
        return sendJson(c, { segment });
      },
    }),
  ];
}

export function segmentHistoryRoutes(deps: ApiDeps): AnyRoute[] {
  return [...historyRoutes(deps), ...versionRoutes(deps), ...headerRoutes(deps)];
}
