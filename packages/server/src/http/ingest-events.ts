import { ingestFile } from '@dalbit/core/ingest/ingest-file';
import { z } from 'zod';
import type { Engine } from '../engines/engine.ts';
import { resolvePersons } from '../identity/resolve-persons.ts';
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

export const EventBatch = z.strictObject({ events: z.array(TrackedEvent).min(1).max(500) });

export type IngestEventsResult =
  | {
      readonly ok: true;
      readonly accepted: number;
      readonly identified: number;
      readonly customersCreated: number;
      readonly customersMerged: number;
    }
  | { readonly ok: false; readonly issues: readonly ApiIssue[] };

/**
 * Writes a batch of tracker events through the same path as an events JSONL import (mapping,
 * identity resolution of identified visitors, replace by `event_id`): all or nothing.
 */
export async function ingestEvents(
  engine: Engine,
  events: readonly TrackedEvent[],
  opts: { now: Date; memberChannel?: string },
): Promise<IngestEventsResult> {
  const received = opts.now.toISOString();
  const text = events.map((e) => JSON.stringify({ ...e, occurred_at: e.occurred_at ?? received })).join('\n');
  const result = ingestFile(new TextEncoder().encode(text), {
    fileName: 'api-events.jsonl',
    source: 'events',
    now: opts.now,
    ...(opts.memberChannel ? { channel: opts.memberChannel } : {}),
  });
  const problems = [...result.fileIssues, ...result.issues];
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((i) => ({
        path: ['body', 'events', i.line - 1, ...(i.column ? [i.column] : [])],
        message: i.message,
        code: i.code,
      })),
    };
  }
  const written = await engine.transaction(async () => {
    const resolved = await resolvePersons(engine, result.batch.persons, { now: opts.now });
    const counts = await writeBatch(engine, result.batch, resolved, 'events');
    return { counts, resolved };
  });
  return {
    ok: true,
    accepted: written.counts.events,
    identified: result.batch.persons.length,
    customersCreated: written.resolved.created,
    customersMerged: written.resolved.merged,
  };
}
