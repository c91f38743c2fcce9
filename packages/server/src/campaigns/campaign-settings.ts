import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CompliancePolicy, parseCompliancePolicy } from '@dalbit/core/compliance/policy';
import { domainError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';
import { writePrivateFile } from '../files/private-files.ts';

/** A settings file that does not validate: every issue with its path. */
export type SettingsErrorCode = 'BAD_POLICY';

const SETTINGS_ERROR_KIND = {
  BAD_POLICY: 'invalid_input',
} as const satisfies Record<SettingsErrorCode, ErrorKind>;

export class SettingsError extends domainError<SettingsErrorCode>('SettingsError', SETTINGS_ERROR_KIND) {}

/** The brand's compliance policy: `file`, else `<dataDir>/compliance.json`, else the KOREA.md defaults. */
export async function loadPolicy(
  dataDir: string,
  file?: string,
): Promise<{ policy: CompliancePolicy; source: string }> {
  const path = file ?? join(dataDir, 'compliance.json');
  const raw = file !== undefined || existsSync(path) ? JSON.parse(await readFile(path, 'utf8')) : {};
  const parsed = parseCompliancePolicy(raw);
  if (!parsed.success)
    throw new SettingsError(
      'BAD_POLICY',
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return { policy: parsed.data, source: file !== undefined || existsSync(path) ? path : 'defaults' };
}

/**
 * The coupon HMAC secret: `DALBIT_COUPON_SECRET` when set, else `<dataDir>/coupon-secret`
 * (created once with 32 random bytes, mode 0600, written atomically).
 */
export async function loadCouponSecret(dataDir: string, env: Record<string, string | undefined>): Promise<string> {
  const fromEnv = env.DALBIT_COUPON_SECRET;
  if (fromEnv) return fromEnv;
  const path = join(dataDir, 'coupon-secret');
  if (existsSync(path)) return (await readFile(path, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writePrivateFile(path, `${secret}\n`);
  return secret;
}
