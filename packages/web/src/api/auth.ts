import { getJson, postJson } from './client.ts';

export type Role = 'owner' | 'marketer' | 'analyst' | 'privacy';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

export interface Me {
  readonly user: User;
  readonly permissions: readonly string[];
}

/** POST /api/auth/login — sets the HttpOnly session cookie. */
export const login = (email: string, password: string): Promise<{ user: User }> =>
  postJson('/api/auth/login', { email, password });

/** POST /api/auth/logout — ends the session and clears the cookie. */
export const logout = (): Promise<{ ok: true }> => postJson('/api/auth/logout');

/** GET /api/auth/me — the logged-in user and their permissions (401 when not logged in). */
export const fetchMe = (signal?: AbortSignal): Promise<Me> => getJson('/api/auth/me', {}, signal);
