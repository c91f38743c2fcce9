import { randomUUID } from 'node:crypto';
import { API_TOKENS } from '@dalbit/core/auth/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import type { Principal } from './principal.ts';
import { newSecret, secretHash } from './secret-token.ts';
import { getUserById } from './users.ts';

export const TOKEN_PREFIX = 'dlb_';

/** Issues a bearer token acting as `userId`; the secret is shown once and only its hash is kept. */
export async function createApiToken(
  engine: Engine,
  userId: string,
  label: string,
  now: Date,
): Promise<{ tokenId: string; token: string }> {
  const token = newSecret(TOKEN_PREFIX);
  const row: Record<string, unknown> = {
    token_id: `tok_${randomUUID()}`,
    token_hash: secretHash(token),
    user_id: userId,
    label: label.slice(0, 200),
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  const cols = columnNames(API_TOKENS);
  await engine.insert(API_TOKENS.name, cols, [cols.map((c) => row[c] ?? null)]);
  return { tokenId: String(row.token_id), token };
}

/** The user behind a bearer token; null when unknown, revoked or the user is disabled. */
export async function readApiToken(engine: Engine, token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [t] = await engine.query<{ user_id: string }>(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT user_id FROM api_tokens WHERE token_hash = ${b.p(secretHash(token), 'string')} AND revoked_at IS NULL`,
    ),
  );
  if (!t) return null;
  const user = await getUserById(engine, t.user_id);
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: 'token' };
}
