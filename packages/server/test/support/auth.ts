import type { Page } from 'playwright-core';
import { createApiToken } from '../../src/auth/api-tokens.ts';
import type { Role } from '../../src/auth/permissions.ts';
import { addUser } from '../../src/auth/users.ts';
import type { Engine } from '../../src/engines/engine.ts';

export interface SeededUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly role: Role;
}

let serial = 0;

/** Adds a real account (argon2id hash) to the warehouse; email and password default to unique values. */
export async function seedUser(
  engine: Engine,
  opts: { role: Role; email?: string; password?: string; name?: string },
): Promise<SeededUser> {
  serial += 1;
  const email = opts.email ?? `${opts.role}-${process.pid}-${serial}@test.dalbit`;
  const password = opts.password ?? `pw-${opts.role}-${serial}-secret`;
  const u = await addUser(
    engine,
    { email, password, role: opts.role, name: opts.name ?? `${opts.role} ${serial}` },
    new Date(),
  );
  return { id: u.id, email: u.email, password, role: u.role };
}

const tokens = new WeakMap<Engine, Map<Role, Promise<string>>>();

/** `{ authorization: 'Bearer …' }` of a user with `role` (one user and token per engine and role). */
export async function authHeaders(engine: Engine, role: Role): Promise<{ authorization: string }> {
  let byRole = tokens.get(engine);
  if (!byRole) {
    byRole = new Map();
    tokens.set(engine, byRole);
  }
  let token = byRole.get(role);
  if (!token) {
    token = seedUser(engine, { role }).then(
      async (u) => (await createApiToken(engine, u.id, 'test', new Date())).token,
    );
    byRole.set(role, token);
  }
  return { authorization: `Bearer ${await token}` };
}

/**
 * Logs the browser context in: the login page when the app shows one, else the login API from the
 * page's own origin. Either way the HttpOnly session cookie lands in the browser.
 */
export async function loginInBrowser(
  page: Page,
  baseUrl: string,
  creds: { email: string; password: string },
): Promise<void> {
  const res = await page.request.post(`${baseUrl}/api/auth/login`, {
    data: { email: creds.email, password: creds.password },
    headers: { origin: baseUrl, 'content-type': 'application/json' },
  });
  if (!res.ok()) throw new Error(`login as ${creds.email} failed: ${res.status()} ${await res.text()}`);
}
