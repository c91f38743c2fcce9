import { DalbitError, errorText } from '@dalbit/core/errors/dalbit-error';
import { explainSegment } from '@dalbit/core/segments/explain';
import { RECIPES } from '@dalbit/core/segments/recipes/index';
import { PURPOSE_LABELS, recipeSummary } from '@dalbit/core/segments/recipes/recipe';
import { SegmentDefinition } from '@dalbit/core/segments/schema';
import { parseSegment } from '@dalbit/core/segments/validate';
import { z } from 'zod';
import { type Engine, sql } from '../../engines/engine.ts';
import { countSegment } from '../../segments/count-segment.ts';
import { definitionNames } from '../../segments/definition-names.ts';
import { createSegment, getVersionOrThrow, listSegments, listVersions } from '../../segments/segment-store.ts';
import type { ApiDeps } from '../api-deps.ts';
import type { ApiIssue } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const AsOf = z.iso.datetime({ offset: true }).optional().describe('evaluate as of this instant (default: now)');
const Label = z.object({ ko: z.string(), en: z.string() });
const Explained = z.object({ ko: z.string(), en: z.string() });
const Header = z.object({
  segmentId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  currentVersion: z.number().int(),
  pinned: z.boolean(),
  status: z.enum(['active', 'archived']),
  recipe: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const segmentIssues = (
  issues: readonly { code: string; path: readonly (string | number)[]; message: string }[],
  prefix: readonly (string | number)[],
): ApiIssue[] => issues.map((i) => ({ path: [...prefix, ...i.path], message: i.message, code: i.code }));

/** The definition parsed, or INVALID_SEGMENT with issue paths under `body.definition`. */
export function parseOrThrow(definition: unknown): SegmentDefinition {
  const parsed = parseSegment(definition);
  if (!parsed.ok)
    throw new DalbitError({
      code: 'INVALID_SEGMENT',
      kind: 'invalid_input',
      message: errorText('storeError.segment.invalid'),
      issues: segmentIssues(parsed.issues, ['body', 'definition']),
    });
  return parsed.definition;
}

async function countOrThrow(
  engine: Engine,
  definition: unknown,
  asOf: Date,
): Promise<{ count: number; tookMs: number }> {
  const r = await countSegment(engine, definition, { asOf });
  if (!r.ok)
    throw new DalbitError({
      code: 'INVALID_SEGMENT',
      kind: 'invalid_input',
      message: errorText('storeError.segment.invalid'),
      issues: segmentIssues(r.issues, ['body', 'definition']),
    });
  return { count: r.count, tookMs: Math.round(r.tookMs * 10) / 10 };
}

/** The definition read back in both languages, with product and segment names instead of ids. */
async function explainBoth(engine: Engine, d: SegmentDefinition): Promise<{ ko: string; en: string }> {
  const names = await definitionNames(engine, d);
  return { ko: explainSegment(d, 'ko', names), en: explainSegment(d, 'en', names) };
}

async function readTrend(
  engine: Engine,
  segmentId: string,
): Promise<{ asOf: Date; size: number; entered: number; exited: number }[]> {
  const d = engine.dialect;
  const rows = await engine.query<{ as_of: Date; size: number; entered: number; exited: number }>(
    sql(
      `SELECT as_of, size, entered, exited FROM segment_refreshes WHERE segment_id = ${d.placeholder(1, 'string')} ORDER BY as_of`,
      [segmentId],
      ['string'],
    ),
  );
  return rows.map((r) => ({
    asOf: r.as_of,
    size: Number(r.size),
    entered: Number(r.entered),
    exited: Number(r.exited),
  }));
}

const asOfOf = (deps: ApiDeps, s: string | undefined): Date => (s === undefined ? deps.now() : new Date(s));
const WithDefinition = z.object({ definition: z.unknown(), asOf: AsOf });
const WithDefinitionDoc = z.object({ definition: SegmentDefinition, asOf: AsOf });

/** Live count and Korean read-back of a definition being edited. */
function definitionRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/api/segments/count',
      tag: 'segments',
      access: 'read',
      summary: 'Live size of a segment definition while it is being edited',
      body: WithDefinition,
      bodyDoc: WithDefinitionDoc,
      responses: {
        200: {
          description: 'the count and how long the query took',
          schema: z.object({ count: z.number().int(), tookMs: z.number(), asOf: z.iso.datetime() }),
        },
      },
      handle: async ({ body, c }) => {
        const asOf = asOfOf(deps, body.asOf);
        return sendJson(c, { ...(await countOrThrow(engine, body.definition, asOf)), asOf });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/segments/explain',
      tag: 'segments',
      access: 'read',
      summary: 'A definition read back in Korean and English',
      body: WithDefinition,
      bodyDoc: WithDefinitionDoc,
      responses: { 200: { description: 'the sentences', schema: Explained } },
      handle: async ({ body, c }) => sendJson(c, await explainBoth(engine, parseOrThrow(body.definition))),
    }),
  ];
}

/** Recipes: audiences by marketing purpose with their parameters and default definitions. */
function recipeListRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/recipes',
      tag: 'segments',
      access: 'read',
      summary:
        'Audiences by marketing purpose: names, purpose, type, suggested action, golden time, description, parameters and the definition with default parameters',
      responses: {
        200: {
          description: 'every recipe',
          schema: z.object({
            purposes: z.record(z.string(), Label),
            recipes: z.array(
              z.object({
                name: z.string(),
                title: Label,
                purpose: z.string(),
                type: Label,
                action: Label,
                goldenTime: Label,
                description: Label,
                params: z.record(z.string(), z.unknown()).describe('JSON Schema of the parameters'),
                defaults: z.record(z.string(), z.unknown()),
                definition: z
                  .record(z.string(), z.unknown())
                  .nullable()
                  .describe('with default parameters; null when a parameter is required'),
              }),
            ),
          }),
        },
      },
      handle: ({ c }) =>
        sendJson(c, {
          purposes: PURPOSE_LABELS,
          recipes: RECIPES.map((r) => {
            // Recipes with a required parameter (a store name) have no default definition.
            const parsed = r.params.safeParse({});
            const defaults = parsed.success ? (parsed.data as Record<string, unknown>) : {};
            const { $schema: _s, ...params } = z.toJSONSchema(r.params, {
              io: 'input',
              unrepresentable: 'any',
            }) as Record<string, unknown>;
            return {
              ...recipeSummary(r),
              params,
              defaults,
              definition: parsed.success ? { version: 1, root: r.build(defaults) } : null,
            };
          }),
        }),
    }),
  ];
}

/** Saved segments: the list and saving a new one. */
function savedSegmentRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/segments',
      tag: 'segments',
      access: 'read',
      summary: 'Saved segments (pinned first); archived ones with status=archived',
      query: z.object({ status: z.enum(['active', 'archived']).default('active') }),
      responses: { 200: { description: 'segment headers', schema: z.object({ segments: z.array(Header) }) } },
      handle: async ({ query, c }) =>
        sendJson(c, { segments: (await listSegments(engine)).filter((s) => s.status === query.status) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/segments',
      tag: 'segments',
      access: 'audience.write',
      summary: 'Save a new segment (version 1)',
      body: z.object({
        name: z.string().trim().min(1).max(200),
        description: z.string().max(1000).optional(),
        recipe: z.string().max(100).optional(),
        pinned: z.boolean().optional(),
        definition: z.unknown(),
      }),
      bodyDoc: z.object({
        name: z.string().min(1).max(200),
        description: z.string().max(1000).optional(),
        recipe: z.string().max(100).optional(),
        pinned: z.boolean().optional(),
        definition: SegmentDefinition,
      }),
      responses: {
        201: { description: 'the stored segment', schema: z.object({ segment: Header, count: z.number().int() }) },
      },
      handle: async ({ body, c }) => {
        parseOrThrow(body.definition);
        const now = deps.now();
        const { count } = await countOrThrow(engine, body.definition, now);
        const segment = await createSegment(engine, {
          name: body.name,
          definition: body.definition,
          now,
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.recipe !== undefined ? { recipe: body.recipe } : {}),
          ...(body.pinned !== undefined ? { pinned: body.pinned } : {}),
        });
        return sendJson(c, { segment, count }, 201);
      },
    }),
  ];
}

/** One saved segment: definition, read-back, live size, versions and size trend. */
function segmentDetailRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/segments/{id}',
      tag: 'segments',
      access: 'read',
      summary: 'One segment: current definition in words, live size, versions and size trend (from refreshes)',
      params: z.object({ id: z.string().min(1).max(100) }),
      query: z.object({ asOf: AsOf }),
      responses: {
        200: {
          description: 'the segment',
          schema: z.object({
            segment: Header,
            definition: z.record(z.string(), z.unknown()),
            explain: Explained,
            count: z.number().int(),
            versions: z.array(
              z.object({ version: z.number().int(), createdAt: z.iso.datetime(), note: z.string().nullable() }),
            ),
            trend: z.array(
              z.object({
                asOf: z.iso.datetime(),
                size: z.number().int(),
                entered: z.number().int(),
                exited: z.number().int(),
              }),
            ),
          }),
        },
        404: { description: 'no such segment' },
      },
      handle: async ({ params, query, c }) => {
        const current = await getVersionOrThrow(engine, params.id);
        const segment = (await listSegments(engine)).find((s) => s.segmentId === params.id);
        const versions = (await listVersions(engine, params.id)).map((v) => ({
          version: v.version,
          createdAt: v.createdAt,
          note: v.note,
        }));
        const { count } = await countOrThrow(engine, current.definition, asOfOf(deps, query.asOf));
        return sendJson(c, {
          segment,
          definition: current.definition,
          explain: await explainBoth(engine, current.definition),
          count,
          versions,
          trend: await readTrend(engine, params.id),
        });
      },
    }),
  ];
}

export function segmentRoutes(deps: ApiDeps): AnyRoute[] {
  return [...definitionRoutes(deps), ...recipeListRoutes(), ...savedSegmentRoutes(deps), ...segmentDetailRoutes(deps)];
}
