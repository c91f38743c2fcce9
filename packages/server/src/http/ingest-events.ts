import { phoneKeys } from '@dalbit/core/ingest/batch-builder';
import { mapParsedEvents } from '@dalbit/core/ingest/mappers/map-event-line';
import { normalisePhone } from '@dalbit/core/ingest/normalise/phone';
import type { CanonicalBatch, EventRecord } from '@dalbit/core/ingest/records';
import { z } from 'zod';
import type { Engine } from '../engines/engine.ts';
import { resolvePersons } from '../identity/resolve-persons.ts';
import { replaceRows } from '../importers/replace-rows.ts';
import { writeBatch } from '../importers/write-batch.ts';
import type { ApiIssue } from './api-error.ts';

const Id = z.string().trim().min(1).max(200);

/** One behavioural event as the tracker (or a shop backend) sends it. */
export const TrackedEvent = z.strictObject({
  event_id: Id.describe('client-generated unique id; re-sending the same id replaces, never duplicates'),
  type: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case event name such as page_view, product_view, add_to_cart, search'),
  occurred_at: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('ISO 8601 instant; default: when the server received it'),
  anonymous_id: Id.optional().describe('tracker visitor id (cookie / localStorage)'),
  member_id: Id.optional().describe('own-shop member id: identifies the visitor'),
  phone: z.string().trim().min(8).max(30).optional().describe('mobile number: identifies the visitor'),
  product_id: Id.optional(),
  properties: z.record(z.string().max(64), z.unknown()).optional(),
  utm_source: z.string().max(200).optional(),
  utm_medium: z.string().max(200).optional(),
  utm_campaign: z.string().max(200).optional(),
});
export type TrackedEvent = z.infer<typeof TrackedEvent>;

/** At most this many events per request (413 above it, before any is validated). */
export const MAX_EVENTS_PER_BATCH = 500;

export const EventBatch = z.strictObject({ events: z.array(TrackedEvent).min(1).max(MAX_EVENTS_PER_BATCH) });

export type IngestEventsResult =
  | {
      readonly ok: true;
      readonly accepted: number;
      readonly identified: number;
      readonly customersCreated: number;
      readonly customersMerged: number;
    }
  | { readonly ok: false; readonly issues: readonly ApiIssue[] };

export type TrackerIngestResult =
  | { readonly ok: true; readonly accepted: number; readonly claims: number }
  | { readonly ok: false; readonly issues: readonly ApiIssue[] };

/**
 * Maps a batch exactly as an events JSONL import would (all or nothing). The events were validated
 * once by `TrackedEvent` (stricter than the file's line schema); dates and phones are checked here.
 */
function mapEvents(
  events: readonly TrackedEvent[],
  opts: { now: Date; memberChannel?: string | undefined },
): { ok: true; batch: CanonicalBatch } | { ok: false; issues: ApiIssue[] } {
  const received = opts.now.toISOString();
  const result = mapParsedEvents(
    events.map((e) => ({ ...e, occurred_at: e.occurred_at ?? received })),
    { file: 'api-events.jsonl', now: opts.now, channel: opts.memberChannel },
  );
  const problems = result.issues;
  if (problems.length === 0) return { ok: true, batch: result.batch };
  return {
    ok: false,
    issues: problems.map((i) => ({
      path: ['body', 'events', i.line - 1, ...(i.column ? [i.column] : [])],
      message: i.message,
      code: i.code,
    })),
  };
}

/**
 * Trusted path (signed shop identify, file imports): writes a batch through the importer's
 * identity resolution — identified visitors join, create or merge customers exactly as an
 * events JSONL import does; replace by `event_id`; all or nothing.
 */
export async function ingestEvents(
  engine: Engine,
  events: readonly TrackedEvent[],
  opts: { now: Date; memberChannel?: string },
): Promise<IngestEventsResult> {
  const mapped = mapEvents(events, opts);
  if (!mapped.ok) return mapped;
  const { batch } = mapped;
  const written = await engine.transaction(async (tx) => {
    const resolved = await resolvePersons(tx, batch.persons, { now: opts.now });
    const counts = await writeBatch(tx, batch, resolved, 'events');
    return { counts, resolved };
  });
  return {
    ok: true,
    accepted: written.counts.events,
    identified: batch.persons.length,
    customersCreated: written.resolved.created,
    customersMerged: written.resolved.merged,
  };
}

const CLAIM_COLUMNS = ['event_id', 'kind', 'value', 'anonymous_id', 'site', 'occurred_at', 'received_at'];

/** The identifiers a tracker event carries, keyed as the importer would key them. */
function claimRows(
  events: readonly TrackedEvent[],
  opts: { now: Date; site: string; memberChannel?: string | undefined },
): unknown[][] {
  const rows: unknown[][] = [];
  for (const e of events) {
    const at = e.occurred_at ? new Date(e.occurred_at) : opts.now;
    const row = (kind: string, value: string) => [
      e.event_id,
      kind,
      value,
      e.anonymous_id ?? null,
      opts.site,
      at,
      opts.now,
    ];
    const phone = phoneKeys(normalisePhone(e.phone))[0];
    if (phone) rows.push(row('phone', phone.value));
    if (e.member_id !== undefined) rows.push(row('member', `${opts.memberChannel ?? 'cafe24'}:${e.member_id}`));
  }
  return rows;
}

/** A validated tracker batch, ready to be written (alone or grouped with others). */
export interface TrackerWrite {
  readonly batch: CanonicalBatch;
  readonly claims: readonly unknown[][];
  readonly eventIds: readonly string[];
}

/** Validates and maps a tracker batch: events without persons, identifiers as claims. */
export function prepareTrackerBatch(
  events: readonly TrackedEvent[],
  opts: { now: Date; site: string; memberChannel?: string },
): { ok: true; write: TrackerWrite } | { ok: false; issues: readonly ApiIssue[] } {
  const mapped = mapEvents(events, opts);
  if (!mapped.ok) return mapped;
  const batch: CanonicalBatch = {
    ...mapped.batch,
    persons: [],
    events: mapped.batch.events.map(({ personRecordId: _claimed, ...e }) => e),
  };
  return { ok: true, write: { batch, claims: claimRows(events, opts), eventIds: events.map((e) => e.event_id) } };
}

/**
 * Writes tracker batches in one transaction (group commit): an event id sent twice, in one batch or
 * across batches, is written once, the last copy winning (as re-sending it would). Returns the
 * accepted event count of each batch.
 */
export async function writeTrackerBatches(engine: Engine, writes: readonly TrackerWrite[]): Promise<number[]> {
  const last = new Map<string, number>();
  writes.forEach((w, i) => {
    for (const id of w.eventIds) last.set(id, i);
  });
  const events = new Map<string, EventRecord>();
  for (const w of writes) for (const e of w.batch.events) events.set(e.eventId, e);
  const merged: CanonicalBatch = {
    persons: [],
    orders: writes.flatMap((w) => w.batch.orders),
    events: [...events.values()],
    consents: writes.flatMap((w) => w.batch.consents),
    products: writes.flatMap((w) => w.batch.products),
    warranties: writes.flatMap((w) => w.batch.warranties),
  };
  const claims = writes.flatMap((w, i) => w.claims.filter((c) => last.get(c[0] as string) === i));
  await engine.transaction(async (tx) => {
    await writeBatch(tx, merged, { customerOf: new Map(), originOf: new Map() }, 'events');
    await replaceRows(tx, {
      table: 'identity_claims',
      columns: CLAIM_COLUMNS,
      rows: claims,
      deleteBy: [{ column: 'event_id', keys: [...last.keys()] }],
    });
  });
  return writes.map((w) => w.batch.events.length);
}

/**
 * Untrusted path (the public tracker, write key): appends events and anonymous ids only. Phone
 * numbers and member ids in the batch are stored as unverified claims (`identity_claims`); they
 * never create, merge or re-point customers and never touch consent. Events of an anonymous id
 * that the shop has already identified (signed identify) are attributed to that customer.
 */
export async function ingestTrackerEvents(
  engine: Engine,
  events: readonly TrackedEvent[],
  opts: { now: Date; site: string; memberChannel?: string },
): Promise<TrackerIngestResult> {
  const p = prepareTrackerBatch(events, opts);
  if (!p.ok) return p;
  const [accepted = 0] = await writeTrackerBatches(engine, [p.write]);
  return { ok: true, accepted, claims: p.write.claims.length };
}
