import { NotFoundPage } from '../pages/not-found-page.tsx';
import type { RouteDef } from '../routes.tsx';
import { matchRoute } from './match-route.ts';
import { useHashLocation } from './use-location.ts';

/** The first route of `routes` that matches the hash, or a not-found page. */
export function RouterView({ routes }: { routes: readonly RouteDef[] }) {
  const loc = useHashLocation();
  for (const r of routes) {
    const params = matchRoute(r.pattern, loc.path);
    if (params) return <r.Page key={r.pattern} params={params} query={loc.query} />;
  }
  return <NotFoundPage />;
}

/** The first path segment, which decides the active sidebar item (`/customers/C-1` → `customers`). */
export const sectionOf = (path: string): string => path.split('/').filter(Boolean)[0] ?? '';
