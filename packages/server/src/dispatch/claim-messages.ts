import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import { MESSAGES } from '@dalbit/core/channels/tables';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { CLAIM_COLUMNS, type ClaimedRow, type RawClaim, RETRY, SENDING, toClaimedRow } from './outbox-row.ts';

export interface ClaimInput {
  readonly channel: ChannelKind;
  /** Lock token of this claim: `<workerId>/<n>`; stays on the rows as their group id. */
  readonly token: string;
  readonly now: Date;
  readonly lockMs: number;
  readonly limit: number;
  /** Rows claimed before this moment belong to a dead process (DuckDB: one writer process). */
  readonly startedAt: Date;
  /** Leave ads where they are (the channel's night / quiet window is on now): they go when it lifts. */
  readonly holdAds?: boolean;
}

const NOT_HELD = (c: ClaimInput): string => (c.holdAds ? " AND purpose <> 'ad'" : '');

type Binder = { p: (v: unknown, t: 'string' | 'timestamp') => string };

/**
 * Claims the rows of `messages` chosen by `pick` (a `SELECT idempotency_key …` over the table) for
 * token `c.token`, and reads them back. The change is written as the dialect writes one (DuckDB
 * `UPDATE`; ClickHouse new versions of the rows, decision 0019) in one statement, inside a
 * transaction: DuckDB's writer queue or chDB's turns, so no other claim or outcome interleaves (one
 * dispatcher process per warehouse, decision 0008). The rows are read back by their claim
 * (token and claim time: a dead process's rows under the same token are older than this claim).
 */
async function claimWhere(engine: Engine, c: ClaimInput, pick: (b: Binder) => string): Promise<RawClaim[]> {
  return engine.transaction(async (tx) => {
    const d = tx.dialect;
    await tx.query(
      compileBound(d, (b) =>
        d.write.updateWhere({
          table: MESSAGES,
          alias: 'm',
          set: {
            status: `'${SENDING}'`,
            locked_by: b.p(c.token, 'string'),
            locked_until: b.p(new Date(c.now.getTime() + c.lockMs), 'timestamp'),
            attempts: 'm.attempts + 1',
            updated_at: b.p(c.now, 'timestamp'),
          },
          where: `m.idempotency_key IN (${pick(b)})`,
        }),
      ),
    );
    return tx.query<RawClaim>(
      compileBound(
        d,
        (b) => `SELECT ${CLAIM_COLUMNS} FROM messages
          WHERE locked_by = ${b.p(c.token, 'string')} AND status = '${SENDING}' AND updated_at = ${b.p(c.now, 'timestamp')}`,
      ),
    );
  });
}

const byKey = (a: ClaimedRow, b: ClaimedRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Takes one group of messages whose send was started but never recorded (the process died
 * between claim and record, or its lock expired), whole and in key order, so a provider whose
 * idempotency key covers a request sees the same request again.
 */
export async function claimInDoubt(
  engine: Engine,
  c: ClaimInput,
): Promise<{ rows: ClaimedRow[]; claimedAt: Date | undefined }> {
  const d = engine.dialect;
  const [group] = await engine.query<{ locked_by: string | null; claimed_at: Date }>(
    compileBound(
      d,
      (b) => `SELECT locked_by, min(updated_at) AS claimed_at FROM messages
        WHERE channel = ${b.p(c.channel, 'string')} AND status = '${SENDING}'
          AND (locked_until IS NULL OR locked_until < ${b.p(c.now, 'timestamp')} OR updated_at < ${b.p(c.startedAt, 'timestamp')})
        GROUP BY locked_by ORDER BY claimed_at, locked_by LIMIT 1`,
    ),
  );
  if (!group) return { rows: [], claimedAt: undefined };
  const rows = await claimWhere(
    engine,
    c,
    (b) => `SELECT idempotency_key FROM messages
      WHERE channel = ${b.p(c.channel, 'string')} AND status = '${SENDING}' AND locked_by IS NOT DISTINCT FROM ${b.p(group.locked_by, 'string')}`,
  );
  return {
    rows: rows.map((r) => toClaimedRow(r, 'in_doubt', group.locked_by)).sort(byKey),
    claimedAt: group.claimed_at,
  };
}

/** Takes the due retries of one earlier claim (they failed together, so they go out together). */
export async function claimRetries(engine: Engine, c: ClaimInput): Promise<ClaimedRow[]> {
  const d = engine.dialect;
  const [group] = await engine.query<{ locked_by: string | null }>(
    compileBound(
      d,
      (b) => `SELECT locked_by FROM messages
        WHERE channel = ${b.p(c.channel, 'string')} AND status = '${RETRY}' AND next_attempt_at <= ${b.p(c.now, 'timestamp')}${NOT_HELD(c)}
        ORDER BY next_attempt_at, idempotency_key LIMIT 1`,
    ),
  );
  if (!group) return [];
  const rows = await claimWhere(
    engine,
    c,
    (b) => `SELECT idempotency_key FROM messages
      WHERE channel = ${b.p(c.channel, 'string')} AND status = '${RETRY}' AND locked_by IS NOT DISTINCT FROM ${b.p(group.locked_by, 'string')}
        AND next_attempt_at <= ${b.p(c.now, 'timestamp')}${NOT_HELD(c)}
      ORDER BY idempotency_key LIMIT ${Math.max(1, Math.floor(c.limit))}`,
  );
  return rows.map((r) => toClaimedRow(r, 'retry', group.locked_by)).sort(byKey);
}

/** Takes up to `limit` due first sends (queued, or deferred whose time has come), by priority. */
export async function claimFresh(engine: Engine, c: ClaimInput): Promise<ClaimedRow[]> {
  const rows = await claimWhere(
    engine,
    c,
    (b) => `SELECT idempotency_key FROM messages
      WHERE channel = ${b.p(c.channel, 'string')} AND status IN ('queued', 'deferred') AND due_at <= ${b.p(c.now, 'timestamp')}
        AND (next_attempt_at IS NULL OR next_attempt_at <= ${b.p(c.now, 'timestamp')})
        AND (locked_until IS NULL OR locked_until < ${b.p(c.now, 'timestamp')})${NOT_HELD(c)}
      ORDER BY priority DESC, due_at, idempotency_key LIMIT ${Math.max(1, Math.floor(c.limit))}`,
  );
  return rows.map((r) => toClaimedRow(r, 'fresh', null)).sort(byKey);
}

/** Counts per status, for the CLI and tests. */
export async function countByStatus(engine: Engine): Promise<Record<string, number>> {
  const rows = await engine.query<{ status: string; n: number }>(
    'SELECT status, count(*) AS n FROM messages GROUP BY status ORDER BY status',
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
