import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_LOG } from '@dalbit/core/schema/tables';
import type { Engine } from '../engines/engine.ts';
import { writePrivateFile } from '../files/private-files.ts';

export interface AccessLogEntry {
  readonly actor: string;
  readonly action: string;
  /** Whose data: a customer id, a segment id … */
  readonly subject: string;
  readonly reason: string | null;
  /** Where from: the client address. */
  readonly origin: string | null;
  readonly at: Date;
}

/** Where the chain's key and head live: files in the data directory, or memory (tests, `:memory:`). */
interface AuditStore {
  readonly key: Buffer;
  readHead(): { seq: number; hash: string } | undefined;
  writeHead(head: { seq: number; hash: string }): void;
  /** Serialises appends of this process (sequence numbers never repeat). */
  tail: Promise<unknown>;
}

export const AUDIT_KEY_FILE = 'audit.key';
export const AUDIT_HEAD_FILE = 'audit-head.json';

const stores = new WeakMap<Engine, AuditStore>();

/**
 * Binds the access log of `engine` to its data directory: the HMAC key (`audit.key`, 32 random
 * bytes, 0600, created once) and the head (`audit-head.json`: last seq and hash, written
 * atomically after every append). Called by openWarehouse.
 */
export function bindAccessLog(engine: Engine, dataDir: string): void {
  const keyPath = join(dataDir, AUDIT_KEY_FILE);
  if (!existsSync(keyPath)) writePrivateFile(keyPath, randomBytes(32).toString('hex'));
  const key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'hex');
  const headPath = join(dataDir, AUDIT_HEAD_FILE);
  stores.set(engine, {
    key,
    readHead: () => (existsSync(headPath) ? JSON.parse(readFileSync(headPath, 'utf8')) : undefined),
    writeHead: (head) => writePrivateFile(headPath, JSON.stringify(head)),
    tail: Promise.resolve(),
  });
}

function storeOf(engine: Engine): AuditStore {
  let s = stores.get(engine);
  if (!s) {
    let head: { seq: number; hash: string } | undefined;
    s = {
      key: randomBytes(32),
      readHead: () => head,
      writeHead: (h) => {
        head = h;
      },
      tail: Promise.resolve(),
    };
    stores.set(engine, s);
  }
  return s;
}

export interface StoredEntry extends AccessLogEntry {
  readonly seq: number | null;
  readonly logId: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The keyed hash of one entry, chained to the one before it. */
export function entryHash(key: Buffer, e: Omit<StoredEntry, 'hash'>): string {
  return createHmac('sha256', key)
    .update(
      JSON.stringify([
        e.seq,
        e.prevHash,
        e.logId,
        e.at.toISOString(),
        e.actor,
        e.action,
        e.subject,
        e.reason,
        e.origin,
      ]),
    )
    .digest('hex');
}

/** Every entry, oldest first (entries from before sequence numbers first, by time). */
export async function readAccessLog(engine: Engine, opts: { limit?: number } = {}): Promise<StoredEntry[]> {
  const rows = await engine.query<{
    seq: number | bigint | null;
    log_id: string;
    at: Date;
    actor: string;
    action: string;
    subject: string;
    reason: string | null;
    origin: string | null;
    prev_hash: string;
    hash: string;
  }>(
    `SELECT seq, log_id, ${engine.dialect.quoteIdent('at')} AS at, actor, action, subject, reason, origin, prev_hash, hash FROM ${ACCESS_LOG.name} ORDER BY seq NULLS FIRST, 2, 1${opts.limit ? ` LIMIT ${Math.floor(opts.limit)}` : ''}`,
  );
  return rows.map((r) => ({
    seq: r.seq === null ? null : Number(r.seq),
    logId: r.log_id,
    at: new Date(r.at),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    reason: r.reason,
    origin: r.origin,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

async function lastEntry(engine: Engine): Promise<{ seq: number; hash: string } | undefined> {
  const [r] = await engine.query<{ seq: number | bigint; hash: string }>(
    `SELECT seq, hash FROM ${ACCESS_LOG.name} WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`,
  );
  return r ? { seq: Number(r.seq), hash: r.hash } : undefined;
}

/**
 * Appends one entry to `access_log` with the next sequence number and a keyed hash (HMAC-SHA256
 * under the data directory's audit key) over it and the previous entry's hash, then moves the
 * head file. An edited, deleted or truncated entry no longer verifies (verify-access-log.ts).
 */
export async function appendAccessLog(engine: Engine, e: AccessLogEntry): Promise<{ logId: string; hash: string }> {
  const store = storeOf(engine);
  const run = store.tail.then(async () => {
    const last = await lastEntry(engine);
    const seq = (last?.seq ?? 0) + 1;
    const logId = `al_${randomUUID()}`;
    const prevHash = last?.hash ?? '';
    const hash = entryHash(store.key, { ...e, seq, logId, prevHash });
    await engine.insert(
      ACCESS_LOG.name,
      ['seq', 'log_id', 'at', 'actor', 'action', 'subject', 'reason', 'origin', 'prev_hash', 'hash'],
      [[seq, logId, e.at, e.actor, e.action, e.subject, e.reason, e.origin, prevHash, hash]],
    );
    store.writeHead({ seq, hash });
    return { logId, hash };
  });
  store.tail = run.catch(() => undefined);
  return run;
}

/** The key and head of `engine`'s access log (for verification). */
export function auditAnchor(engine: Engine): { key: Buffer; head: { seq: number; hash: string } | undefined } {
  const s = storeOf(engine);
  return { key: s.key, head: s.readHead() };
}
