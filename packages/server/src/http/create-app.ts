import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '@dalbit/core/i18n/catalog';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { DEFAULT_AUTH_OPTIONS } from '../auth/auth-options.ts';
import { withQueryScope } from '../engines/query-scope.ts';
import type { ApiDeps } from './api-deps.ts';
import { ApiError } from './api-error.ts';
import { authenticate } from './authenticate.ts';
import { CROSS_ORIGIN_PATHS, hostGuard, isRawUploadPath, originGuard, securityHeaders } from './browser-guard.ts';
import { type AnyRoute, methodsAt, mountRoutes } from './define-route.ts';
import { errorJson, renderError } from './error-response.ts';
import { buildOpenApi } from './openapi.ts';
import { analyticsRoutes } from './routes/analytics-routes.ts';
import { audienceExportRoutes } from './routes/audience-export-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { campaignCheckRoutes } from './routes/campaign-check-routes.ts';
import { campaignLifecycleRoutes } from './routes/campaign-lifecycle-routes.ts';
import { campaignPriorityRoutes } from './routes/campaign-priority-routes.ts';
import { campaignRoutes } from './routes/campaign-routes.ts';
import { channelSettingsRoutes } from './routes/channel-settings-routes.ts';
import { connectorRoutes } from './routes/connector-routes.ts';
import { consentRoutes } from './routes/consent-routes.ts';
import { couponRoutes } from './routes/coupon-routes.ts';
import { customerInsightRoutes } from './routes/customer-insight-routes.ts';
import { customerNoticeRoutes } from './routes/customer-notice-routes.ts';
import { customerRoutes } from './routes/customer-routes.ts';
import { eventRoutes } from './routes/event-routes.ts';
import { identifyRoutes } from './routes/identify-routes.ts';
import { importMappingRoutes } from './routes/import-mapping-routes.ts';
import { importRoutes } from './routes/import-routes.ts';
import { insightRoutes } from './routes/insight-routes.ts';
import { onsiteRoutes } from './routes/onsite-routes.ts';
import { pushRoutes } from './routes/push-routes.ts';
import { recipeRoutes } from './routes/recipe-routes.ts';
import { reconfirmationRoutes } from './routes/reconfirmation-routes.ts';
import { refreshRoutes } from './routes/refresh-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { rfmTransitionRoutes } from './routes/rfm-transition-routes.ts';
import { segmentHistoryRoutes } from './routes/segment-history-routes.ts';
import { segmentManageRoutes } from './routes/segment-manage-routes.ts';
import { segmentRoutes } from './routes/segment-routes.ts';
import { settingsRoutes } from './routes/settings-routes.ts';
import { statsRoutes } from './routes/stats-routes.ts';
import { userRoutes } from './routes/user-routes.ts';
import { eventPropertyRoutes, warehouseValuesRoutes } from './routes/warehouse-values-routes.ts';
import { createUnsubscribeApp, dashboardStylesheets } from './unsubscribe-app.ts';

export interface AppOptions extends ApiDeps {
  /** The built dashboard (packages/web/dist); served at `/` when it exists. */
  readonly webRoot?: string;
  /** The tracker snippet, served at `/tracker.js` when it exists. */
  readonly trackerFile?: string;
  /** Other apps mounted under a path, e.g. `{ path: '/', app: createReceiptsApp({ … }) }` for delivery reports. */
  readonly mounts?: readonly { readonly path: string; readonly app: Hono }[];
  /** The brand secret that signs unsubscribe links; with it `/u/<token>` is served (unsubscribe-app.ts). */
  readonly linkSecret?: string;
  /** Budget of every API request's queries together (default 30 s; DALBIT_QUERY_TIMEOUT_MS). */
  readonly queryTimeoutMs?: number;
}

/** Default statement budget of one API request. */
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

/** Every API route, in the order of the OpenAPI document. */
export function apiRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    ...authRoutes(deps),
    ...userRoutes(deps),
    ...statsRoutes(deps),
    ...refreshRoutes(deps),
    ...customerRoutes(deps),
    ...customerInsightRoutes(deps),
    ...customerNoticeRoutes(deps),
    ...recipeRoutes(deps),
    ...reconfirmationRoutes(deps),
    ...segmentManageRoutes(deps),
    ...segmentHistoryRoutes(deps),
    ...warehouseValuesRoutes(deps),
    ...eventPropertyRoutes(deps),
    ...segmentRoutes(deps),
    ...analyticsRoutes(deps),
    ...rfmTransitionRoutes(deps),
    ...insightRoutes(deps),
    ...reportRoutes(deps),
    ...campaignRoutes(deps),
    ...campaignLifecycleRoutes(deps),
    ...campaignPriorityRoutes(deps),
    ...campaignCheckRoutes(deps),
    ...couponRoutes(deps),
    ...settingsRoutes(deps),
    ...channelSettingsRoutes(deps),
    ...consentRoutes(deps),
    ...eventRoutes(deps),
    ...auditRoutes(deps),
    ...pushRoutes(deps),
    ...onsiteRoutes(deps),
    ...identifyRoutes(deps),
    ...connectorRoutes(deps),
    ...importRoutes(deps),
    ...importMappingRoutes(deps),
    ...audienceExportRoutes(deps),
  ];
}

/**
 * The HTTP API, its OpenAPI document at /openapi.json, the dashboard at / and the tracker at /tracker.js.
 * @example serve({ fetch: createApp({ engine, now: () => new Date(), log: console.error }).fetch, port: 8787 })
 */
export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const routes = apiRoutes(opts);

  const auth = opts.auth ?? DEFAULT_AUTH_OPTIONS;

  app.onError((e, c) => renderError(e, c, opts.log));
  // Browser protections (docs/security.md): the Host allow-list, headers on every answer, CORS only
  // for the tracker paths, and same-origin JSON for every state-changing API request.
  const guard = { allowedHosts: auth.allowedHosts, trustedProxy: auth.trustedProxy };
  app.use('*', hostGuard(guard));
  app.use('*', securityHeaders());
  for (const path of CROSS_ORIGIN_PATHS)
    app.use(
      path,
      cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['content-type'], maxAge: 86_400 }),
    );
  app.use('/api/*', originGuard(guard));
  const jsonLimit = bodyLimit({
    maxSize: 2 * 1024 * 1024,
    onError: () => {
      throw new ApiError('PAYLOAD_TOO_LARGE', 'the request body is larger than 2 MB');
    },
  });
  // Upload paths stream the body to disk under their own cap (import-upload.ts).
  app.use('/api/*', (c, next) => (isRawUploadPath(c.req.path) ? next() : jsonLimit(c, next)));
  // Every query of a request shares one deadline, and a request the client abandons stops its query
  // (no global lock: reads run on pooled connections beside the writer queue, decision 0014).
  const timeoutMs = opts.queryTimeoutMs ?? (Number(process.env.DALBIT_QUERY_TIMEOUT_MS) || DEFAULT_QUERY_TIMEOUT_MS);
  app.use('/api/*', (c, next) => withQueryScope({ timeoutMs, signal: c.req.raw.signal }, next));
  // Who is calling (session cookie or bearer token); each route's `access` decides what follows.
  app.use('/api/*', authenticate({ engine: opts.engine, now: opts.now, auth }));
  mountRoutes(app, routes);
  app.get('/openapi.json', (c) => c.json(buildOpenApi(routes, { title: 'Dalbit API', version: '0.1.0' })));
  app.all('/api/*', (c) => {
    const allow = methodsAt(routes, c.req.path);
    if (allow.length > 0)
      return errorJson(
        c,
        405,
        'METHOD_NOT_ALLOWED',
        translate('ko', 'auth.methodNotAllowed', { method: c.req.method, allow: allow.join(', ') }),
        [],
        { allow: allow.join(', ') },
      );
    throw new ApiError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`);
  });
  for (const m of opts.mounts ?? []) app.route(m.path, m.app);
  if (opts.linkSecret)
    app.route(
      '/',
      createUnsubscribeApp({
        engine: opts.engine,
        now: opts.now,
        linkSecret: opts.linkSecret,
        stylesheets: dashboardStylesheets(opts.webRoot),
      }),
    );

  const tracker = opts.trackerFile;
  if (tracker !== undefined && existsSync(tracker)) {
    app.get('/tracker.js', (c) =>
      c.body(readFileSync(tracker, 'utf8'), 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=300',
      }),
    );
  }
  const web = opts.webRoot;
  if (web !== undefined && existsSync(join(web, 'index.html'))) {
    app.use('/*', serveStatic({ root: web }));
    // Client-side routes fall back to the app shell.
    app.get('/*', (c) => c.html(readFileSync(join(web, 'index.html'), 'utf8')));
  } else {
    app.get('/', (c) =>
      c.text(
        'Dalbit API is running. The dashboard is not built: npm run build -w @dalbit/web\nAPI: /openapi.json\n',
        200,
      ),
    );
  }
  return app;
}
