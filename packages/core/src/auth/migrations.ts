import type { Migration } from '../schema/migrations.ts';
import type { TableDef } from '../schema/table.ts';
import { API_TOKENS, SESSIONS, USERS } from './tables.ts';

const create = (table: TableDef) => ({ kind: 'create_table', table }) as const;

/** Accounts, sessions and API tokens (versions 60–69). */
export const AUTH_MIGRATIONS: readonly Migration[] = [
  { version: 60, name: 'users, sessions, api tokens', steps: [USERS, SESSIONS, API_TOKENS].map(create) },
];
