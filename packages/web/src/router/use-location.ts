import { useEffect, useState } from 'react';
import { pathOfHash, queryOfHash } from './match-route.ts';

export interface HashLocation {
  readonly path: string;
  readonly query: URLSearchParams;
}

const read = (): HashLocation => ({
  path: pathOfHash(window.location.hash),
  query: queryOfHash(window.location.hash),
});

/** The current hash route, updated on every `hashchange`. */
export function useHashLocation(): HashLocation {
  const [loc, setLoc] = useState<HashLocation>(read);
  useEffect(() => {
    const on = () => setLoc(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return loc;
}

/** Goes to a hash route (`/customers/C-1`, with an optional `?query`). */
export function navigate(path: string): void {
  const next = `#${path.startsWith('/') ? path : `/${path}`}`;
  if (window.location.hash !== next) window.location.hash = next;
}
