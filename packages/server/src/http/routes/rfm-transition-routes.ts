import { rfmTransitions } from '@dalbit/core/analytics/rfm/rfm-transitions';
import { RFM_SEGMENT_KEYS, RFM_SEGMENT_LABELS } from '@dalbit/core/analytics/rfm/segments';
import type { SegmentDefinition } from '@dalbit/core/segments/schema';
import { isoDateToKstDay, kstDayToIso, toKstDay } from '@dalbit/core/time/kst';
import { z } from 'zod';
import { derivedResults } from '../../analytics/derived-results.ts';
import { computeWarehouseRfm } from '../../analytics/rfm/warehouse-rfm.ts';
import { createSegment, findSegment, updateSegmentHeader } from '../../segments/segment-store.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';
import { ComputedAt } from './analytics-routes.ts';

const Label = z.object({ ko: z.string(), en: z.string() });
const Segment = z.enum(RFM_SEGMENT_KEYS);
const Score = z.coerce.number().int().min(1).max(5);
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => isoDateToKstDay(s) !== undefined, 'not a calendar date')
  .optional()
  .describe('KST day of the later scoring (default: today)');

/** The audience of one R × F cell, read from the stored RFM scores (refreshed daily). */
export function rfmCellDefinition(r: number, f: number): SegmentDefinition {
  return {
    version: 1,
    root: {
      kind: 'and',
      items: [
        { kind: 'analytics', field: 'rfm.r_score', op: 'eq', value: r },
        { kind: 'analytics', field: 'rfm.f_score', op: 'eq', value: f },
      ],
    },
  };
}

/** Month-to-month RFM segment flow, and the audience of an R × F cell. */
export function rfmTransitionRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/rfm/transitions',
      tag: 'analytics',
      access: 'read',
      summary:
        'How many customers moved from each RFM segment `days` ago (default 30: last month) to each segment now; new buyers under from = null',
      query: z.object({ asOf: Day, days: z.coerce.number().int().min(1).max(366).default(30) }),
      responses: {
        200: {
          description: 'the flow',
          schema: z.object({
            asOf: z.string(),
            previous: z.string(),
            computedAt: ComputedAt,
            segments: z.array(z.object({ segment: Segment, label: Label })),
            transitions: z.array(z.object({ from: Segment.nullable(), to: Segment, customers: z.number().int() })),
          }),
        },
      },
      handle: async ({ query, c }) => {
        const day = query.asOf === undefined ? toKstDay(deps.now()) : (isoDateToKstDay(query.asOf) as number);
        const previous = day - query.days;
        const out = await derivedResults(engine).get(`rfm-transitions:${day}:${previous}`, deps.now, async () => {
          const before = await computeWarehouseRfm(engine, { asOfDay: previous });
          const after = await computeWarehouseRfm(engine, { asOfDay: day });
          return rfmTransitions(before, after);
        });
        return sendJson(c, {
          asOf: kstDayToIso(day),
          previous: kstDayToIso(previous),
          computedAt: out.computedAt,
          segments: RFM_SEGMENT_KEYS.map((segment) => ({ segment, label: RFM_SEGMENT_LABELS[segment] })),
          transitions: out.value,
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/rfm/cells/audience',
      tag: 'analytics',
      access: 'audience.write',
      summary: 'The audience of one R × F cell of the grid: opened when it exists, saved (version 1) when not',
      body: z.object({ r: Score, f: Score }).strict(),
      responses: {
        200: {
          description: 'the audience',
          schema: z.object({ segmentId: z.string(), name: z.string(), created: z.boolean() }),
        },
      },
      handle: async ({ body, c }) => {
        const segmentId = `rfm-r${body.r}-f${body.f}`;
        const now = deps.now();
        const found = await findSegment(engine, segmentId);
        if (found?.status === 'archived') await updateSegmentHeader(engine, { segmentId, now, status: 'active' });
        const segment =
          found ??
          (await createSegment(engine, {
            segmentId,
            name: `RFM 최근성 ${body.r} · 빈도 ${body.f}`,
            definition: rfmCellDefinition(body.r, body.f),
            now,
          }));
        return sendJson(c, { segmentId, name: segment.name, created: !found });
      },
    }),
  ];
}
