import { col, type TableDef } from '../schema/table.ts';

/**
 * Opt-outs as received (gateway 080 webhooks, 080 list files, CLI), kept as proof. Each one is
 * also applied as consent withdrawals; `opt_out_id` is deterministic so replays change nothing.
 */
export const OPT_OUTS: TableDef = {
  name: 'opt_outs',
  key: ['opt_out_id'],
  columns: [
    col('opt_out_id', 'string'),
    col('phone', 'string', true), // E.164
    col('email', 'string', true),
    col('source', 'string'), // solapi | nhn | 080-file | cli
    col('opt_out_number', 'string', true),
    col('provider_ref', 'string', true),
    col('at', 'timestamp'), // when the recipient refused
    col('received_at', 'timestamp'),
    col('customer_ids', 'json'), // customers the refusal was applied to
  ],
};

/** 2-year consent re-confirmation notices sent (정보통신망법 §50 ⑧). */
export const CONSENT_NOTICES: TableDef = {
  name: 'consent_notices',
  key: ['customer_id', 'channel', 'due_at'],
  columns: [
    col('customer_id', 'string'),
    col('channel', 'string'),
    col('due_at', 'timestamp'),
    col('sent_at', 'timestamp'),
    col('idempotency_key', 'string', true),
  ],
};

/**
 * The brand's sender and compliance settings (the whole CompliancePolicy as JSON), append-only:
 * the highest `revision` is current, every change keeps who made it.
 */
export const COMPLIANCE_SETTINGS: TableDef = {
  name: 'compliance_settings',
  key: ['revision'],
  columns: [
    col('revision', 'int'),
    col('policy', 'json'),
    col('changed_by', 'string'), // user id, or `cli` / `demo`
    col('changed_at', 'timestamp'),
  ],
};
