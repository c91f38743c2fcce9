import { z } from 'zod';
import type { AnyRoute } from './define-route.ts';

type Json = Record<string, unknown>;

const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'issues'],
      properties: {
        code: { type: 'string', examples: ['VALIDATION_FAILED'] },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: {
              path: { type: 'array', items: { type: ['string', 'integer'] } },
              message: { type: 'string' },
              code: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

/**
 * JSON Schema of a zod schema for an OpenAPI 3.1 document: nested `$defs` (recursive types such as
 * segment conditions) are hoisted into `components.schemas` so their `$ref`s resolve from the root.
 */
function toSchema(schema: z.ZodType, name: string, components: Json, io: 'input' | 'output'): Json {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  const { $schema: _s, $defs, ...rest } = raw as Json & { $defs?: Record<string, Json> };
  const rename = (def: string): string => `${name}_${def.replace(/^__/, '')}`;
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === 'object') {
      const out: Json = {};
      for (const [k, x] of Object.entries(v as Json)) {
        out[k] =
          k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')
            ? `#/components/schemas/${rename(x.slice(8))}`
            : rewrite(x);
      }
      return out;
    }
    return v;
  };
  for (const [def, body] of Object.entries($defs ?? {})) components[rename(def)] = rewrite(body);
  return rewrite(rest) as Json;
}

const opId = (r: AnyRoute): string =>
  `${r.method}${r.path
    .split('/')
    .filter((s) => s && s !== 'api')
    .map((s) => s.replace(/[{}]/g, '').replace(/(^|[-_])(\w)/g, (_m, _d, ch: string) => ch.toUpperCase()))
    .join('')}`;

/** The OpenAPI 3.1 document of every mounted route, generated from the same zod schemas that validate them. */
export function buildOpenApi(routes: readonly AnyRoute[], info: { title: string; version: string }): Json {
  const components: Json = { Error: ERROR_SCHEMA };
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const id = opId(r);
    const parameters: Json[] = [];
    for (const [where, schema] of [
      ['query', r.query],
      ['path', r.params],
    ] as const) {
      if (!schema) continue;
      const s = toSchema(schema, `${id}_${where}`, components, 'input') as {
        properties?: Record<string, Json>;
        required?: string[];
      };
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        const { description, ...rest } = prop as Json & { description?: string };
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (s.required ?? []).includes(name),
          schema: rest,
          ...(description ? { description } : {}),
        });
      }
    }
    const bodySchema = r.bodyDoc ?? r.body;
    const responses: Json = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema
          ? {
              content: {
                'application/json': { schema: toSchema(spec.schema, `${id}_${status}`, components, 'output') },
              },
            }
          : {}),
      };
    }
    if (r.query || r.params || r.body)
      responses['400'] ??= {
        description: 'invalid input',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    if (r.access !== 'public') {
      responses['401'] ??= {
        description: 'not logged in (no session cookie or bearer token)',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
      responses['403'] ??= {
        description: `the role lacks the permission ${r.access}`,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    responses['500'] = {
      description: 'unexpected error (details are logged, not returned)',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    const op: Json = {
      operationId: id,
      tags: [r.tag],
      summary: r.summary,
      'x-dalbit-access': r.access,
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(r.description ? { description: r.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.rawBody
        ? {
            requestBody: {
              required: true,
              description: r.rawBody.description,
              content: { [r.rawBody.mediaType]: { schema: { type: 'string', format: 'binary' } } },
            },
          }
        : {}),
      ...(bodySchema
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(bodySchema, `${id}_body`, components, 'input') } },
            },
          }
        : {}),
      responses,
    };
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method]: op };
  }
  return {
    openapi: '3.1.0',
    info,
    security: [{ session: [] }, { bearer: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'dalbit_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
