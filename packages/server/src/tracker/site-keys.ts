import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from '../files/private-files.ts';

/**
 * The keys of the one site a Dalbit server tracks, kept in `<dataDir>/site-keys.json` (mode 0600):
 * - `writeKey` (`dwk_…`) is public: it sits in the tracker snippet and may only append events and
 *   anonymous ids (docs/security.md);
 * - `secretKey` (`dsk_…`) stays on the shop's server: it signs server-to-server identify calls.
 */
export interface SiteKeys {
  readonly site: string;
  readonly writeKey: string;
  readonly secretKey: string;
}

const SiteKeysFile = z.object({
  site: z.string().min(1).max(64),
  writeKey: z.string().startsWith('dwk_').min(20),
  secretKey: z.string().startsWith('dsk_').min(40),
});

export const SITE_KEYS_FILE = 'site-keys.json';

/** Fresh keys (crypto randomness). */
export function newSiteKeys(site = 'default'): SiteKeys {
  return {
    site,
    writeKey: `dwk_${randomBytes(18).toString('base64url')}`,
    secretKey: `dsk_${randomBytes(32).toString('base64url')}`,
  };
}

/** Writes keys atomically with mode 0600 (a temp file renamed over the old one). */
export async function saveSiteKeys(dataDir: string, keys: SiteKeys): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, SITE_KEYS_FILE);
  writePrivateFile(path, `${JSON.stringify(keys, null, 2)}\n`);
}

/**
 * The site's keys, created on first use. A file that does not validate is an error (keys are
 * never silently replaced: snippets and shop servers hold them).
 */
export async function loadSiteKeys(dataDir: string): Promise<SiteKeys> {
  const path = join(dataDir, SITE_KEYS_FILE);
  if (!existsSync(path)) {
    const keys = newSiteKeys();
    await saveSiteKeys(dataDir, keys);
    return keys;
  }
  await chmod(path, 0o600);
  const parsed = SiteKeysFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} — fix or delete it (dalbit tracker keys --rotate)`,
    );
  return parsed.data;
}
