import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { type RefreshRun, refreshRuns } from '../../jobs/refresh-runs.ts';
import { REFRESH_STEPS } from '../../jobs/refresh-warehouse.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../caller.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Step = z.enum(REFRESH_STEPS);
const RefreshState = z.object({
  now: z.iso.datetime().describe("the server's clock (pages show how long ago their data was computed)"),
  running: z.boolean(),
  step: Step.nullable().describe('the step running now'),
  done: z.number().int().describe('steps finished'),
  total: z.number().int(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  steps: z.array(z.object({ step: Step, ok: z.boolean(), tookMs: z.number() })),
});

const answer = (deps: ApiDeps, run: RefreshRun) => ({
  now: deps.now(),
  running: run.running,
  step: run.step,
  done: run.done,
  total: run.total,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  steps: run.steps.map((s) => ({ step: s.step, ok: s.ok, tookMs: Math.round(s.tookMs) })),
});

/** Refreshing everything derived from the warehouse (RFM, rules, CLV, traits, features, audiences) from the dashboard. */
export function refreshRoutes(deps: ApiDeps): AnyRoute[] {
  const runs = refreshRuns(deps.engine, deps.log);
  const trustedProxy = (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy;
  return [
    defineRoute({
      method: 'get',
      path: '/api/refresh',
      tag: 'stats',
      access: 'read',
      summary:
        "The warehouse refresh: whether one runs, its step and progress, the last one's end; and the server clock",
      responses: { 200: { description: 'the refresh state', schema: RefreshState } },
      handle: ({ c }) => sendJson(c, answer(deps, runs.state)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/refresh',
      tag: 'stats',
      access: 'data.import',
      summary:
        'Start a refresh of RFM, related products, CLV, traits, segment features and audience memberships as of today (one at a time; poll GET /api/refresh)',
      responses: { 202: { description: 'started (or the one already running)', schema: RefreshState } },
      handle: ({ c }) => sendJson(c, answer(deps, runs.start(deps.now, actorOf(c, trustedProxy))), 202),
    }),
  ];
}
