import type { z } from 'zod';
import type { Label } from '../catalog.ts';
import type { Condition, SegmentDefinition } from '../schema.ts';

export type Purpose = 'engagement' | 'conversion' | 'retention';

export const PURPOSE_LABELS: Record<Purpose, Label> = {
  engagement: { ko: '관계 형성', en: 'engagement' },
  conversion: { ko: '구매 전환', en: 'conversion' },
  retention: { ko: '고객 유지', en: 'retention' },
};

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
export type RecipeSummary = Pick<
  Recipe,
  'name' | 'title' | 'purpose' | 'type' | 'action' | 'goldenTime' | 'description'
>;

export function recipeSummary(r: Recipe): RecipeSummary {
  const { name, title, purpose, type, action, goldenTime, description } = r;
  return { name, title, purpose, type, action, goldenTime, description };
}

export function defineRecipe<P extends z.ZodObject>(r: Recipe<P>): Recipe<P> {
  return r;
}

export const definition = (root: Condition): SegmentDefinition => ({ version: 1, root });
