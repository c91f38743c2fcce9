import type { SegmentIssue } from '../issues.ts';
import type { SegmentDefinition } from '../schema.ts';
import { parseSegment } from '../validate.ts';
import {
  CART_ABANDONMENT,
  MARKETPLACE_TO_OWN,
  ONE_PURCHASE_N_DAYS_AGO,
  PRODUCT_INTEREST,
  RECENT_BUYER_RELATED,
  STORE_BUYERS,
} from './conversion.ts';
import { BIRTHDAY_SOON, NEW_CHANNEL_FRIEND, NEW_MEMBER, WARRANTY_NOT_MEMBER } from './engagement.ts';
import { definition, type Recipe } from './recipe.ts';
import {
  COSTLY_CUSTOMERS,
  COUPON_LOVERS,
  DISCOUNT_SENSITIVE,
  FREQUENT_BUYERS,
  LAPSED_SIX_MONTHS,
  RECENT_REPEAT_BUYERS,
  SECOND_PURCHASE_WINDOW,
  VIP_TOP_SPENDERS,
  WARRANTY_ANNIVERSARY,
} from './retention.ts';

/** Every recipe, in the order of the purpose table (engagement → conversion → retention). */
export const RECIPES: readonly Recipe[] = [
  BIRTHDAY_SOON,
  NEW_MEMBER,
  WARRANTY_NOT_MEMBER,
  NEW_CHANNEL_FRIEND,
  ONE_PURCHASE_N_DAYS_AGO,
  RECENT_BUYER_RELATED,
  MARKETPLACE_TO_OWN,
  STORE_BUYERS,
  CART_ABANDONMENT,
  PRODUCT_INTEREST,
  WARRANTY_ANNIVERSARY,
  SECOND_PURCHASE_WINDOW,
  RECENT_REPEAT_BUYERS,
  DISCOUNT_SENSITIVE,
  COUPON_LOVERS,
  VIP_TOP_SPENDERS,
  LAPSED_SIX_MONTHS,
  FREQUENT_BUYERS,
  COSTLY_CUSTOMERS,
] as readonly Recipe[];

export function findRecipe(name: string): Recipe | undefined {
  return RECIPES.find((r) => r.name === name);
}

export type RecipeResult =
  | { readonly ok: true; readonly definition: SegmentDefinition }
  | { readonly ok: false; readonly issues: readonly SegmentIssue[] };

/**
 * Builds a recipe's definition from raw parameters (CLI strings or JSON values).
 * @example buildRecipe('lapsed-6-months', { months: '6' })
 */
export function buildRecipe(name: string, raw: Readonly<Record<string, unknown>>): RecipeResult {
  const recipe = findRecipe(name);
  if (!recipe)
    return {
      ok: false,
      issues: [
        { code: 'UNKNOWN_FIELD', path: ['recipe'], message: `unknown recipe '${name}'; see 'dalbit recipes list'` },
      ],
    };
  const params = recipe.params.strict().safeParse(raw);
  if (!params.success) {
    return {
      ok: false,
      issues: params.error.issues.map((i) => ({
        code: 'BAD_VALUE' as const,
        path: ['params', ...i.path.map(String)],
        message: i.message,
      })),
    };
  }
  return parseSegment(definition(recipe.build(params.data)));
}
