import { buildRecipe, RECIPES } from '@dalbit/core/segments/recipes/index';
import type { Engine } from '../engines/engine.ts';
import { createSegment, listSegments } from '../segments/segment-store.ts';

/**
 * Gives the demo brand a starter set of audiences: one stored segment per recipe that works with
 * its default parameters (recipes that need a value, such as a store name, are skipped).
 * Idempotent: recipes that already have a segment are left alone.
 */
export async function seedRecipeSegments(engine: Engine, opts: { now: Date; lang: 'ko' | 'en' }): Promise<number> {
  const existing = new Set((await listSegments(engine)).map((s) => s.recipe).filter((r) => r !== null));
  let created = 0;
  for (const recipe of RECIPES) {
    if (existing.has(recipe.name)) continue;
    const built = buildRecipe(recipe.name, {});
    if (!built.ok) continue;
    await createSegment(engine, {
      name: recipe.title[opts.lang],
      description: recipe.description[opts.lang],
      definition: built.definition,
      recipe: recipe.name,
      now: opts.now,
    });
    created++;
  }
  return created;
}
