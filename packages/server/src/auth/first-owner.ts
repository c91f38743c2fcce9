import type { Engine } from '../engines/engine.ts';
import { randomPassword } from './password.ts';
import { addUser, countUsers } from './users.ts';

export const FIRST_OWNER_EMAIL = 'owner@dalbit.local';

/**
 * Creates the first owner with a random password when the warehouse has no user yet (`init`, `demo`).
 * Returns the login to print once, or null when users exist already.
 */
export async function ensureFirstOwner(
  engine: Engine,
  now: Date,
  email = FIRST_OWNER_EMAIL,
): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(engine)) > 0) return null;
  const password = randomPassword();
  const user = await addUser(engine, { email, name: '관리자', role: 'owner', password }, now);
  return { email: user.email, password };
}
