import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT as REPO, WEB_PACKAGE } from '../repo-paths.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when packages/web/dist is missing or older than the dashboard's sources (its own and core's, which it bundles). */
export function isDashboardStale(): boolean {
  const index = join(WEB_PACKAGE, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync(join(WEB_PACKAGE, 'src'))) return false;
  const core = join(WEB_PACKAGE, '..', 'core', 'src');
  const sources = Math.max(
    newestMtime(join(WEB_PACKAGE, 'src')),
    existsSync(core) ? newestMtime(core) : 0,
    statSync(join(WEB_PACKAGE, 'index.html')).mtimeMs,
  );
  return statSync(index).mtimeMs < sources;
}

/**
 * Development and test fallback: builds the dashboard (`npm run build -w @dalbit/web`) when it is
 * missing or stale. The server never calls it; `npm install` (prepare) and `npm run build` build the
 * dashboard ahead of time. Resolves to whether it built.
 */
export function ensureDashboardBuilt(): Promise<boolean> {
  if (!isDashboardStale()) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', 'build', '-w', '@dalbit/web'], { cwd: REPO, timeout: 300_000 }, (e, _out, err) =>
      e ? reject(new Error(`dashboard build failed: ${err || e.message}`, { cause: e })) : resolve(true),
    );
  });
}
