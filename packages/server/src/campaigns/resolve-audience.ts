import type { Audience } from '@dalbit/core/campaigns/schema';
import { domainError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { buildRecipe } from '@dalbit/core/segments/recipes/index';
import { parseSegment } from '@dalbit/core/segments/validate';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { findSegmentMembers } from '../segments/count-segment.ts';
import { getVersionOrThrow, SegmentStoreError } from '../segments/segment-store.ts';

/** The audience could not be evaluated (unknown segment, invalid definition or recipe). */
export class AudienceError extends domainError<'INVALID_AUDIENCE'>('AudienceError', {
  INVALID_AUDIENCE: 'invalid_input',
}) {}

type Problem = { readonly path?: readonly (string | number)[]; readonly message: string };

/** A recipe whose parameters do not build, in Korean. */
const recipeError = (recipe: string, issues: readonly Problem[]) =>
  new AudienceError(
    'INVALID_AUDIENCE',
    translate('ko', 'campaign.audience.recipeInvalid', { recipe, detail: issues.map((i) => i.message).join('; ') }),
  );

/** Inline conditions that do not parse or compile, in Korean (each problem's path kept for the detail). */
const conditionsError = (issues: readonly Problem[]) =>
  new AudienceError(
    'INVALID_AUDIENCE',
    translate('ko', 'campaign.audience.conditionsInvalid', {
      detail: issues.map((i) => `${(i.path ?? []).join('.')}: ${i.message}`).join('; '),
    }),
  );

/**
 * Customer ids of a campaign audience as of `asOf`: every customer the data knows by then (an
 * order, a channel sign-up or an event by then, or imported by then), a stored
 * segment's current version, an inline definition or a recipe (compiled by the segments module).
 */
export async function resolveAudience(engine: Engine, audience: Audience, asOf: Date): Promise<string[]> {
  let definition: unknown;
  switch (audience.kind) {
    case 'all': {
      const rows = await engine.query<{ customer_id: string }>(
        compileBound(engine.dialect, (b) => {
          const at = b.p(asOf, 'timestamp');
          // Known by then in the data itself (an order, a channel sign-up, an event), not by the
          // day the file was imported: simulations over past dates see the customers of that time.
          return `SELECT customer_id FROM customers WHERE created_at <= ${at}
              OR customer_id IN (SELECT customer_id FROM orders WHERE ordered_at <= ${at} AND customer_id IS NOT NULL)
              OR customer_id IN (SELECT customer_id FROM customer_channels WHERE joined_at <= ${at})
              OR customer_id IN (SELECT customer_id FROM events WHERE occurred_at <= ${at} AND customer_id IS NOT NULL)
              ORDER BY customer_id`;
        }),
      );
      return rows.map((r) => r.customer_id);
    }
    case 'segment':
      definition = (await segmentVersion(engine, audience.segmentId)).definition;
      break;
    case 'definition':
      definition = audience.definition;
      break;
    case 'recipe': {
      const built = buildRecipe(audience.recipe, audience.params);
      if (!built.ok) throw recipeError(audience.recipe, built.issues);
      definition = built.definition;
      break;
    }
  }
  const members = await findSegmentMembers(engine, definition, { asOf });
  if (!members.ok) throw conditionsError(members.issues);
  return [...members.customerIds];
}

/** A stored segment's current version; a missing one is an audience problem, not a crash. */
async function segmentVersion(engine: Engine, segmentId: string): ReturnType<typeof getVersionOrThrow> {
  try {
    return await getVersionOrThrow(engine, segmentId);
  } catch (e) {
    if (e instanceof SegmentStoreError)
      throw new AudienceError(
        'INVALID_AUDIENCE',
        translate('ko', 'campaign.audience.segmentMissing', { id: segmentId }),
        { cause: e },
      );
    throw e;
  }
}

/**
 * Checks, without evaluating it, that an audience can be resolved (the segment exists, the recipe
 * and its params build, the inline definition parses), so a campaign is refused when it is saved
 * rather than failing every later scheduler pass. Throws AudienceError.
 */
export async function checkAudience(engine: Engine, audience: Audience): Promise<void> {
  if (audience.kind === 'segment') await segmentVersion(engine, audience.segmentId);
  if (audience.kind === 'recipe') {
    const built = buildRecipe(audience.recipe, audience.params);
    if (!built.ok) throw recipeError(audience.recipe, built.issues);
  }
  if (audience.kind === 'definition') {
    const parsed = parseSegment(audience.definition);
    if (!parsed.ok) throw conditionsError(parsed.issues);
  }
}
