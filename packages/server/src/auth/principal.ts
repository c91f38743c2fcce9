import type { Role } from './permissions.ts';

/** Who is calling: a signed-in user (session cookie), a script (bearer token) or a local CLI user. */
export interface Principal {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly via: 'session' | 'token' | 'cli';
}

/** The access log's actor: `user:<email>`, `token:<email>`, or `cli:<name>`. */
export function actorName(p: Principal): string {
  return p.via === 'cli' ? `cli:${p.name}` : `${p.via === 'token' ? 'token' : 'user'}:${p.email}`;
}
