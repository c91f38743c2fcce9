import { col, type TableDef } from '../schema/table.ts';

/**
 * Every message Dalbit plans or sends, one row per idempotency key (campaign, customer,
 * occurrence). The outbox reads and updates this row; `message_events` keeps its history.
 * `idempotency_key` is the natural key: writers insert only when it is absent.
 */
export const MESSAGES: TableDef = {
  name: 'messages',
  key: ['idempotency_key'],
  columns: [
    col('idempotency_key', 'string'),
    col('campaign_id', 'string', true),
    col('step_id', 'string', true),
    col('occurrence', 'string', true), // e.g. birthday year, cart id
    col('customer_id', 'string', true),
    col('channel', 'string'), // ChannelKind
    col('purpose', 'string'), // ad | info
    col('priority', 'int'),
    col('recipient', 'string', true), // phone digits, email, token, anonymous id
    col('status', 'string'), // planned | deferred | blocked | queued | sending | accepted | at_carrier | delivered | failed | cancelled
    col('reason', 'string', true), // GuardReason or SendErrorCode of the current status
    col('content', 'json'), // the rendered OutboundMessage after the guard
    col('provider', 'string', true),
    col('provider_message_id', 'string', true),
    col('provider_group_id', 'string', true),
    col('attempts', 'int'),
    col('due_at', 'timestamp'),
    col('next_attempt_at', 'timestamp', true),
    col('locked_by', 'string', true),
    col('locked_until', 'timestamp', true),
    col('last_error_code', 'string', true),
    col('last_error', 'string', true),
    col('via_fallback', 'bool', true),
    col('created_at', 'timestamp'),
    col('updated_at', 'timestamp'),
    col('accepted_at', 'timestamp', true),
    col('delivered_at', 'timestamp', true),
    col('failed_at', 'timestamp', true),
  ],
};

/** Append-only status history of messages (guard decisions, attempts, receipts). */
export const MESSAGE_EVENTS: TableDef = {
  name: 'message_events',
  key: ['idempotency_key', 'at', 'event_id'],
  columns: [
    col('event_id', 'string'),
    col('idempotency_key', 'string'),
    col('at', 'timestamp'),
    col('status', 'string'),
    col('code', 'string', true),
    col('detail', 'string', true),
    col('source', 'string'), // guard | dispatcher | receipt
  ],
};

/** On-site messages waiting for the browser tracker; shown once per user. */
export const ONSITE_MESSAGES: TableDef = {
  name: 'onsite_messages',
  key: ['onsite_id'],
  columns: [
    col('onsite_id', 'string'),
    col('idempotency_key', 'string'),
    col('customer_id', 'string', true),
    col('anonymous_id', 'string', true),
    col('title', 'string'),
    col('body', 'string'),
    col('url', 'string', true),
    col('created_at', 'timestamp'),
    col('expires_at', 'timestamp', true),
    col('shown_at', 'timestamp', true), // unused: impressions are appended to onsite_impressions (works on both engines)
  ],
};

/** Append-only: an on-site message was handed to the browser (once per user). */
export const ONSITE_IMPRESSIONS: TableDef = {
  name: 'onsite_impressions',
  key: ['onsite_id'],
  columns: [
    col('onsite_id', 'string'),
    col('shown_at', 'timestamp'),
    col('anonymous_id', 'string', true),
    col('customer_id', 'string', true),
  ],
};

/**
 * Test sends from the settings page (one real message through a channel's adapter to an address the
 * user typed): who, when, through which provider and how it ended. The recipient is not kept (the
 * access log has it masked). Read for the channel status ("last error").
 */
export const CHANNEL_TESTS: TableDef = {
  name: 'channel_tests',
  key: ['test_id'],
  appendOnly: true,
  columns: [
    col('test_id', 'string'),
    col('channel', 'string'),
    col('provider', 'string'),
    col('actor', 'string'),
    col('at', 'timestamp'),
    col('ok', 'bool'),
    col('error_code', 'string', true),
  ],
};
