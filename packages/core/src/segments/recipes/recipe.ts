import type { z } from 'zod';
import { bilingual, isMessageKey } from '../../i18n/catalog.ts';
import type { Label } from '../catalog.ts';
import type { Condition, SegmentDefinition } from '../schema.ts';

export type Purpose = 'engagement' | 'conversion' | 'retention';

export const PURPOSE_LABELS: Record<Purpose, Label> = {
  engagement: bilingual('recipe.purpose.engagement'),
  conversion: bilingual('recipe.purpose.conversion'),
  retention: bilingual('recipe.purpose.retention'),
};

/** The texts of a recipe; they live in the message catalog as `recipe.<name>.<field>`. */
const TEXT_FIELDS = ['title', 'type', 'action', 'goldenTime', 'description'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** An audience by marketing purpose: a function from parameters to a segment definition. */
export interface Recipe<P extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly title: Label;
  readonly purpose: Purpose;
  readonly type: Label;
  readonly action: Label;
  readonly goldenTime: Label;
  readonly description: Label;
  /** Parameters with defaults; CLI strings are coerced (`--param days=7`). */
  readonly params: P;
  build(params: z.infer<P>): Condition;
}

/** What a person reads about a recipe (its texts in both languages), without its parameters and builder. */
export type RecipeSummary = Pick<Recipe, 'name' | 'purpose' | TextField>;

export function recipeSummary(r: Recipe): RecipeSummary {
  const { name, title, purpose, type, action, goldenTime, description } = r;
  return { name, title, purpose, type, action, goldenTime, description };
}

/** A recipe with its texts from the catalog (`recipe.<name>.title` …); a missing text fails at load. */
export function defineRecipe<P extends z.ZodObject>(r: Omit<Recipe<P>, TextField>): Recipe<P> {
  const text = (field: TextField): Label => {
    const key = `recipe.${r.name}.${field}`;
    if (!isMessageKey(key)) throw new Error(`recipe ${r.name}: the catalog has no ${key}`);
    return bilingual(key);
  };
  return { ...r, ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(f)])) } as Recipe<P>;
}

export const definition = (root: Condition): SegmentDefinition => ({ version: 1, root });
