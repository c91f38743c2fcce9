import { fillDescription } from '@dalbit/core/segments/recipes/fill-description';
import { RECIPES } from '@dalbit/core/segments/recipes/index';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Label = z.object({ ko: z.string(), en: z.string() });

/** Builds a recipe's segment definition from parameters typed in the dashboard's recipe form. */
export function recipeRoutes(_deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/recipes/{name}/build',
      tag: 'segments',
      access: 'read',
      summary: 'The definition of a recipe with these parameters, and its description with the parameters filled in',
      params: z.object({ name: z.string().min(1).max(100) }),
      body: z.object({ params: z.record(z.string(), z.unknown()).default({}) }),
      responses: {
        200: {
          description: 'the built definition',
          schema: z.object({ definition: z.record(z.string(), z.unknown()), description: Label }),
        },
        400: { description: 'a parameter is missing or out of range (VALIDATION_FAILED, with issues)' },
        404: { description: 'no such recipe' },
      },
      handle: ({ params, body, c }) => {
        const recipe = RECIPES.find((r) => r.name === params.name);
        if (!recipe) throw new ApiError('NOT_FOUND', `추천 세그먼트가 없습니다: ${params.name}`);
        const parsed = recipe.params.safeParse(body.params);
        if (!parsed.success) {
          throw new ApiError(
            'VALIDATION_FAILED',
            '추천 세그먼트의 매개변수를 확인하세요',
            parsed.error.issues.map((i) => ({
              path: ['body', 'params', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
              message: i.message,
              code: i.code,
            })),
          );
        }
        const values = parsed.data as Record<string, unknown>;
        return sendJson(c, {
          definition: { version: 1, root: recipe.build(values) },
          description: {
            ko: fillDescription(recipe.description.ko, values),
            en: fillDescription(recipe.description.en, values),
          },
        });
      },
    }),
  ];
}
