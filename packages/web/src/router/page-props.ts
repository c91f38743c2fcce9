import type { RouteParams } from './match-route.ts';

/** What every page receives from the router. */
export interface PageProps {
  /** `:name` parts of the route pattern, e.g. `{ id: 'C-1' }` for `/customers/:id`. */
  readonly params: RouteParams;
  /** The `?…` part of the hash. */
  readonly query: URLSearchParams;
}
