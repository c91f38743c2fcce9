import { col, type TableDef } from '../schema/table.ts';

/** People who may sign in to the dashboard or API. Emails are stored lower-cased. */
export const USERS: TableDef = {
  name: 'users',
  key: ['user_id'],
  columns: [
    col('user_id', 'string'),
    col('email', 'string'),
    col('name', 'string'),
    col('role', 'string'),
    /** argon2id PHC string (`$argon2id$v=19$…`). */
    col('password_hash', 'string'),
    col('created_at', 'timestamp'),
    col('disabled_at', 'timestamp', true),
    col('password_changed_at', 'timestamp'),
  ],
};

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const SESSIONS: TableDef = {
  name: 'sessions',
  key: ['token_hash'],
  columns: [
    col('token_hash', 'string'),
    col('user_id', 'string'),
    col('created_at', 'timestamp'),
    col('last_seen_at', 'timestamp'),
    col('expires_at', 'timestamp'),
    col('ended_at', 'timestamp', true),
    col('ip', 'string', true),
    col('user_agent', 'string', true),
  ],
};

/** Bearer tokens for scripts; only the SHA-256 of the secret is stored. */
export const API_TOKENS: TableDef = {
  name: 'api_tokens',
  key: ['token_id'],
  columns: [
    col('token_id', 'string'),
    col('token_hash', 'string'),
    col('user_id', 'string'),
    col('label', 'string'),
    col('created_at', 'timestamp'),
    col('last_used_at', 'timestamp', true),
    col('revoked_at', 'timestamp', true),
  ],
};
