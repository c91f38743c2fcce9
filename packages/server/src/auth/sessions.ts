import { SESSIONS } from '@dalbit/core/auth/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { updateRows } from '../engines/update-rows.ts';
import type { Principal } from './principal.ts';
import { newSecret, secretHash } from './secret-token.ts';
import { getUserById } from './users.ts';

export const SESSION_COOKIE = 'dalbit_session';

export interface SessionPolicy {
  /** A session unused this long ends (default 30 minutes). */
  readonly idleMs: number;
  /** A session ends this long after login whatever its use (default 12 hours). */
  readonly absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

/** Starts a session; returns the secret for the cookie (only its hash is stored). */
export async function createSession(
  engine: Engine,
  userId: string,
  now: Date,
  policy: SessionPolicy,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  const row: Record<string, unknown> = {
    token_hash: secretHash(token),
    user_id: userId,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    ended_at: null,
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  };
  const cols = columnNames(SESSIONS);
  await engine.insert(SESSIONS.name, cols, [cols.map((c) => row[c] ?? null)]);
  return { token, expiresAt };
}

interface SessionRow {
  user_id: string;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
}

/** The user of a live session, sliding its idle deadline; null when unknown, ended, idle or past its absolute end. */
export async function readSession(
  engine: Engine,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<Principal | null> {
  const hash = secretHash(token);
  const [s] = await engine.query<SessionRow & Record<string, unknown>>(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT user_id, last_seen_at, expires_at, ended_at FROM sessions WHERE token_hash = ${b.p(hash, 'string')}`,
    ),
  );
  if (!s || s.ended_at !== null) return null;
  const t = now.getTime();
  if (t >= s.expires_at.getTime() || t - s.last_seen_at.getTime() >= policy.idleMs) return null;
  const user = await getUserById(engine, s.user_id);
  if (!user || user.disabled) return null;
  // Touch at most once a minute: a busy dashboard should not write on every request.
  if (t - s.last_seen_at.getTime() >= 60_000)
    await updateRows(engine, 'sessions', { last_seen_at: [now, 'timestamp'] }, { token_hash: [hash, 'string'] });
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: 'session' };
}

export async function endSession(engine: Engine, token: string, now: Date): Promise<void> {
  await updateRows(
    engine,
    'sessions',
    { ended_at: [now, 'timestamp'] },
    { token_hash: [secretHash(token), 'string'] },
    'r.ended_at IS NULL',
  );
}
