import { randomUUID } from 'node:crypto';
import { USERS } from '@dalbit/core/auth/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { updateRows } from '../engines/update-rows.ts';
import { authError } from './errors.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';
import { isRole, type Role } from './permissions.ts';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly disabled: boolean;
}

interface UserRow {
  user_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: Date;
  disabled_at: Date | null;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

function toUser(r: UserRow): User {
  return {
    id: r.user_id,
    email: r.email,
    name: r.name,
    role: isRole(r.role) ? r.role : 'analyst',
    createdAt: r.created_at.toISOString(),
    disabled: r.disabled_at !== null,
  };
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw authError('WEAK_PASSWORD', 'invalid_input', 'auth.weakPassword', undefined, {
      issues: [{ path: ['password'], message: `at least ${MIN_PASSWORD_LENGTH} characters` }],
    });
}

export async function findUserRow(engine: Engine, email: string): Promise<(User & { passwordHash: string }) | null> {
  const [r] = await engine.query<UserRow & Record<string, unknown>>(
    compileBound(engine.dialect, (b) => `SELECT * FROM users WHERE email = ${b.p(normalizeEmail(email), 'string')}`),
  );
  return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
}

export async function getUserById(engine: Engine, id: string): Promise<User | null> {
  const [r] = await engine.query<UserRow & Record<string, unknown>>(
    compileBound(engine.dialect, (b) => `SELECT * FROM users WHERE user_id = ${b.p(id, 'string')}`),
  );
  return r ? toUser(r) : null;
}

export async function listUsers(engine: Engine): Promise<User[]> {
  const rows = await engine.query<UserRow & Record<string, unknown>>('SELECT * FROM users ORDER BY created_at, email');
  return rows.map(toUser);
}

/** @example await addUser(engine, { email: 'kim@brand.kr', name: '김민지', role: 'marketer', password: '…' }, now) */
export async function addUser(
  engine: Engine,
  input: { email: string; name?: string | undefined; role: string; password: string },
  now: Date,
): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 200)
    throw authError('INVALID_EMAIL', 'invalid_input', 'error.VALIDATION_FAILED', undefined, {
      issues: [{ path: ['email'], message: 'not an email address' }],
    });
  if (!isRole(input.role))
    throw authError('INVALID_ROLE', 'invalid_input', 'auth.badRole', undefined, {
      issues: [{ path: ['role'], message: 'owner | marketer | analyst | privacy' }],
    });
  checkPassword(input.password);
  if (await findUserRow(engine, email)) throw authError('USER_EXISTS', 'conflict', 'auth.userExists', { email });
  const row: Record<string, unknown> = {
    user_id: `u_${randomUUID()}`,
    email,
    name: (input.name ?? '').trim() || email.split('@')[0],
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: now,
    disabled_at: null,
    password_changed_at: now,
  };
  const cols = columnNames(USERS);
  await engine.insert(USERS.name, cols, [cols.map((c) => row[c] ?? null)]);
  return toUser(row as unknown as UserRow);
}

async function requireUser(engine: Engine, email: string): Promise<User> {
  const u = await findUserRow(engine, email);
  if (!u) throw authError('USER_NOT_FOUND', 'not_found', 'auth.userNotFound', { email });
  return u;
}

/** Disables the account and ends its sessions and tokens. The last active owner cannot be disabled. */
export async function disableUser(engine: Engine, email: string, now: Date): Promise<User> {
  const u = await requireUser(engine, email);
  if (u.role === 'owner' && !u.disabled) {
    const owners = (await listUsers(engine)).filter((x) => x.role === 'owner' && !x.disabled);
    if (owners.length <= 1) throw authError('LAST_OWNER', 'conflict', 'auth.lastOwner');
  }
  await engine.transaction(async (tx) => {
    await updateRows(tx, 'users', { disabled_at: [now, 'timestamp'] }, { user_id: [u.id, 'string'] });
    await endAllSessions(tx, u.id, now);
    await updateRows(
      tx,
      'api_tokens',
      { revoked_at: [now, 'timestamp'] },
      { user_id: [u.id, 'string'] },
      'r.revoked_at IS NULL',
    );
  });
  return { ...u, disabled: true };
}

/** Sets a new password, re-enables nothing, and ends the user's sessions. */
export async function resetPassword(engine: Engine, email: string, password: string, now: Date): Promise<User> {
  const u = await requireUser(engine, email);
  checkPassword(password);
  const hashed = await hashPassword(password);
  await engine.transaction(async (tx) => {
    await updateRows(
      tx,
      'users',
      { password_hash: [hashed, 'string'], password_changed_at: [now, 'timestamp'] },
      { user_id: [u.id, 'string'] },
    );
    await endAllSessions(tx, u.id, now);
  });
  return u;
}

async function endAllSessions(engine: Engine, userId: string, now: Date): Promise<void> {
  await updateRows(
    engine,
    'sessions',
    { ended_at: [now, 'timestamp'] },
    { user_id: [userId, 'string'] },
    'r.ended_at IS NULL',
  );
}

export async function countUsers(engine: Engine): Promise<number> {
  const [r] = await engine.query<{ n: number | bigint }>('SELECT count(*) AS n FROM users');
  return Number(r?.n ?? 0);
}
