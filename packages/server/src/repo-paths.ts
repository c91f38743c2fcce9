import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest directory above this module that holds packages/web. Found by
 * walking up, because this code runs from src/ (tests, tsx) and from the compiled dist/chunks/.
 */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'packages', 'web', 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return fileURLToPath(new URL('../../../', import.meta.url));
    dir = up;
  }
}

export const REPO_ROOT = findRepoRoot();
export const WEB_PACKAGE = join(REPO_ROOT, 'packages', 'web');
/** Where the dashboard build and the tracker snippet live in this repository. */
export const DEFAULT_WEB_ROOT = join(WEB_PACKAGE, 'dist');
export const DEFAULT_TRACKER_FILE = join(REPO_ROOT, 'packages', 'tracker', 'src', 'tracker.js');
