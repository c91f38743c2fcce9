import { compileBound } from '@dalbit/core/attribution/bind-sql';
import type { Audience } from '@dalbit/core/campaigns/schema';
import { buildRecipe } from '@dalbit/core/segments/recipes/index';
import type { Engine } from '../engines/engine.ts';
import { findSegmentMembers } from '../segments/count-segment.ts';
import { getVersionOrThrow } from '../segments/segment-store.ts';

/** The audience could not be evaluated (unknown segment, invalid definition or recipe). */
export class AudienceError extends Error {
  override readonly name = 'AudienceError';
  constructor(
    readonly code: 'INVALID_AUDIENCE',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Customer ids of a campaign audience as of `asOf`: every customer known by then, a stored
 * segment's current version, an inline definition or a recipe (compiled by the segments module).
 */
export async function resolveAudience(engine: Engine, audience: Audience, asOf: Date): Promise<string[]> {
  let definition: unknown;
  switch (audience.kind) {
    case 'all': {
      const rows = await engine.query<{ customer_id: string }>(
        compileBound(
          engine.dialect,
          (b) => `SELECT customer_id FROM customers WHERE created_at <= ${b.p(asOf, 'timestamp')} ORDER BY customer_id`,
        ),
      );
      return rows.map((r) => r.customer_id);
    }
    case 'segment':
      definition = (await getVersionOrThrow(engine, audience.segmentId)).definition;
      break;
    case 'definition':
      definition = audience.definition;
      break;
    case 'recipe': {
      const built = buildRecipe(audience.recipe, audience.params);
      if (!built.ok)
        throw new AudienceError(
          'INVALID_AUDIENCE',
          `recipe ${audience.recipe}: ${built.issues.map((i) => i.message).join('; ')}`,
        );
      definition = built.definition;
      break;
    }
  }
  const members = await findSegmentMembers(engine, definition, { asOf });
  if (!members.ok)
    throw new AudienceError(
      'INVALID_AUDIENCE',
      members.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return [...members.customerIds];
}
