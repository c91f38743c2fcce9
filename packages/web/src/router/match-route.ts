/** Path parameters of a matched route, e.g. `{ id: 'C-1' }` for `/customers/:id`. */
export type RouteParams = Readonly<Record<string, string>>;

/**
 * Matches `path` (`/customers/C-1`) against `pattern` (`/customers/:id`); null when it does not match.
 * Segments are compared literally except `:name`, which takes one non-empty segment (URI-decoded).
 */
export function matchRoute(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

/** `/customers/:id` + `{ id: 'C 1' }` → `#/customers/C%201`, for links. */
export function hrefOf(pattern: string, params: RouteParams = {}): string {
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return `#${path}`;
}

/** The path part of a location hash: `#/segments/7?x=1` → `/segments/7`. */
export function pathOfHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path.startsWith('/') ? path : `/${path}`;
}

/** The query part of a location hash as URLSearchParams: `#/customers?q=kim` → q=kim. */
export function queryOfHash(hash: string): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}
