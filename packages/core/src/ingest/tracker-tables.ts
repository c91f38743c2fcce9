import type { Migration } from '../schema/migrations.ts';
import { col, type TableDef } from '../schema/table.ts';

/**
 * What a browser said about who it is (tracker `identify`, or `member_id`/`phone` on any tracker
 * event): unverified claims, kept for the shop to confirm through the signed identify route. They
 * never create, merge or re-point customers and never touch consent.
 */
export const IDENTITY_CLAIMS: TableDef = {
  name: 'identity_claims',
  key: ['event_id', 'kind'],
  columns: [
    col('event_id', 'string'),
    /** `phone` (E.164) or `member` (`<channel>:<id>`), as the importer would key them. */
    col('kind', 'string'),
    col('value', 'string'),
    col('anonymous_id', 'string', true),
    /** The site whose write key sent it. */
    col('site', 'string'),
    col('occurred_at', 'timestamp'),
    col('received_at', 'timestamp'),
  ],
};

/**
 * Device / web-push tokens a browser or app registered for its anonymous id (tracker
 * `registerPush`). A token reaches the customer the anonymous id is linked to (identities kind
 * `anon`); `removed_at` is set when the device unregisters.
 */
export const PUSH_TOKENS: TableDef = {
  name: 'push_tokens',
  key: ['token'],
  columns: [
    col('token', 'string'),
    col('anonymous_id', 'string'),
    col('platform', 'string'), // web | android | ios
    col('site', 'string'),
    col('registered_at', 'timestamp'),
    col('removed_at', 'timestamp', true),
  ],
};

/** Tracker trust (versions 70–79). */
export const TRACKER_MIGRATIONS: readonly Migration[] = [
  { version: 70, name: 'unverified identity claims', steps: [{ kind: 'create_table', table: IDENTITY_CLAIMS }] },
  { version: 71, name: 'push tokens', steps: [{ kind: 'create_table', table: PUSH_TOKENS }] },
];
