import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
export const WEB_PACKAGE = join(REPO, 'packages', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when packages/web/dist is missing or older than the dashboard's sources. */
export function isDashboardStale(): boolean {
  const index = join(WEB_PACKAGE, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync(join(WEB_PACKAGE, 'src'))) return false;
  const sources = Math.max(newestMtime(join(WEB_PACKAGE, 'src')), statSync(join(WEB_PACKAGE, 'index.html')).mtimeMs);
  return statSync(index).mtimeMs < sources;
}

/**
 * Builds the dashboard (`npm run build -w @dalbit/web`) when it is missing or stale, so a fresh
 * clone's `npm run demo` serves it without a separate build step. Resolves to whether it built.
 */
export function ensureDashboardBuilt(): Promise<boolean> {
  if (!isDashboardStale()) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', 'build', '-w', '@dalbit/web'], { cwd: REPO, timeout: 300_000 }, (e, _out, err) =>
      e ? reject(new Error(`dashboard build failed: ${err || e.message}`, { cause: e })) : resolve(true),
    );
  });
}
