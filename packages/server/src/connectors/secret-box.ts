import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The key that seals connector secrets at rest (decision 0016). */
export interface SecretBox {
  seal(value: unknown): string;
  open<T>(sealed: string): T;
}

export const CONNECTOR_KEY_FILE = 'connector-key';

/**
 * The runtime secret for connectors: `DALBIT_CONNECTOR_KEY`, else `<dataDir>/connector-key`
 * (32 random bytes, created with mode 0600 on first use).
 */
export async function loadConnectorSecret(dataDir: string, env: Record<string, string | undefined>): Promise<string> {
  const fromEnv = env.DALBIT_CONNECTOR_KEY;
  if (fromEnv) return fromEnv;
  const path = join(dataDir, CONNECTOR_KEY_FILE);
  if (existsSync(path)) {
    await chmod(path, 0o600);
    return (await readFile(path, 'utf8')).trim();
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(`${path}.tmp`, `${secret}\n`, { mode: 0o600 });
  await rename(`${path}.tmp`, path);
  return secret;
}

/** AES-256-GCM under a key derived from `secret` with HKDF-SHA256; sealed as `v1.<iv>.<tag>.<ciphertext>`. */
export function createSecretBox(secret: string): SecretBox {
  if (secret.length < 16) throw new RangeError('the connector secret must be at least 16 characters');
  const key = Buffer.from(hkdfSync('sha256', secret, 'dalbit', 'dalbit connectors v1', 32));
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ct]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open<T>(sealed: string): T {
      const [v, iv, tag, ct] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('sealed connector secret is malformed');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      const text = Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
      return JSON.parse(text) as T;
    },
  };
}
