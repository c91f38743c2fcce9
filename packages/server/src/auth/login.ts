import type { Engine } from '../engines/engine.ts';
import type { AuthOptions } from './auth-options.ts';
import { authError } from './errors.ts';
import { dummyHash, verifyPassword } from './password.ts';
import type { createLoginLimits } from './rate-limit.ts';
import { createSession } from './sessions.ts';
import { findUserRow, normalizeEmail, type User } from './users.ts';

type Limits = ReturnType<typeof createLoginLimits>;

function limited(seconds: number) {
  return authError('RATE_LIMITED', 'rate_limited', 'auth.rateLimited', { seconds }, { data: { retryAfter: seconds } });
}

/**
 * Checks email and password (argon2id) under the per-IP and per-account limits and opens a session.
 * Unknown email, wrong password and disabled account all answer the same LOGIN_FAILED, after the
 * same hashing work.
 */
export async function login(
  engine: Engine,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
  ctx: { now: Date; auth: AuthOptions; limits: Limits },
): Promise<{ user: User; token: string; expiresAt: Date }> {
  const t = ctx.now.getTime();
  const ipKey = input.ip ?? 'unknown';
  const accountKey = normalizeEmail(input.email);
  const wait = Math.max(ctx.limits.ip.retryAfter(ipKey, t), ctx.limits.account.retryAfter(accountKey, t));
  if (wait > 0) throw limited(wait);
  const row = await findUserRow(engine, input.email);
  const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash()), input.password);
  if (!row || !ok || row.disabled) {
    ctx.limits.ip.fail(ipKey, t);
    ctx.limits.account.fail(accountKey, t);
    throw authError('LOGIN_FAILED', 'unauthenticated', 'auth.loginFailed');
  }
  ctx.limits.account.clear(accountKey);
  const { passwordHash: _, ...user } = row;
  const s = await createSession(engine, user.id, ctx.now, ctx.auth.session, {
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { user, ...s };
}
