import { SOURCE_KINDS } from '@dalbit/core/ingest/source-kind';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { deleteMapping, listMappings, renameMapping, saveMapping } from '../../imports/mapping-store.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../caller.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Id = z.object({ id: z.string().uuid() });
const Name = z.string().trim().min(1).max(100);
const Json = z.record(z.string(), z.unknown());

/** A mapping to save: the kind of file is required (names are unique per kind). */
const SaveBody = z
  .object({
    name: Name,
    mapping: z
      .object({
        source: z.enum(SOURCE_KINDS),
        columns: z.record(z.string().min(1).max(100), z.string().min(1).max(500).nullable()),
        channel: z.string().min(1).max(100).optional(),
      })
      .strict(),
    headers: z.array(z.string().max(500)).max(500).default([]),
  })
  .strict();

/**
 * Column mappings saved under a name, per kind of file, in the brand's warehouse: the import page
 * offers the ones whose columns are all in the uploaded file (core `fittingMappings`).
 */
export function importMappingRoutes(deps: ApiDeps): AnyRoute[] {
  const trustedProxy = (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy;
  const by = (c: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(c, trustedProxy), now: deps.now() });
  return [
    defineRoute({
      method: 'get',
      path: '/api/imports/mappings',
      tag: 'imports',
      access: 'data.import',
      summary: 'Saved column mappings (name, kind of file, columns, who saved and renamed them, when)',
      responses: { 200: { description: 'the mappings', schema: z.object({ mappings: z.array(Json) }) } },
      handle: async ({ c }) => sendJson(c, { mappings: await listMappings(deps.engine) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/imports/mappings',
      tag: 'imports',
      access: 'data.import',
      summary: 'Save a column mapping under a name (unique per kind of file)',
      body: SaveBody,
      responses: {
        201: { description: 'the saved mapping', schema: z.object({ mapping: Json }) },
        409: { description: 'the name is taken for this kind of file' },
      },
      handle: async ({ body, c }) => sendJson(c, { mapping: await saveMapping(deps.engine, body, by(c)) }, 201),
    }),
    defineRoute({
      method: 'put',
      path: '/api/imports/mappings/{id}',
      tag: 'imports',
      access: 'data.import',
      summary: 'Rename a saved mapping',
      params: Id,
      body: z.object({ name: Name }).strict(),
      responses: {
        200: { description: 'the renamed mapping', schema: z.object({ mapping: Json }) },
        409: { description: 'the name is taken for this kind of file' },
      },
      handle: async ({ params, body, c }) =>
        sendJson(c, { mapping: await renameMapping(deps.engine, params.id, body.name, by(c)) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/imports/mappings/{id}',
      tag: 'imports',
      access: 'data.import',
      summary: 'Delete a saved mapping',
      params: Id,
      responses: { 200: { description: 'deleted', schema: z.object({ ok: z.literal(true) }) } },
      handle: async ({ params, c }) => {
        await deleteMapping(deps.engine, params.id);
        return sendJson(c, { ok: true });
      },
    }),
  ];
}
