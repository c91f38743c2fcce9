import { z } from 'zod';
import { parseBoundedJson } from '../../json/bounded-json.ts';
import { BatchBuilder, compact, mobileOf, phoneKeys } from '../batch-builder.ts';
import { parseTimestamp } from '../normalise/date.ts';
import { normalisePhone } from '../normalise/phone.ts';
import type { CanonicalBatch, EventRecord, IdentityKey, PersonRecord, RowIssue } from '../records.ts';
import type { MapContext } from './map-context.ts';

const Id = z.union([z.string().min(1), z.number()]).transform(String);

/** One line of a behavioural events file (JSON lines), as the tracker and exports write it. */
export const EventLine = z.object({
  event_id: Id,
  type: z.string().min(1),
  occurred_at: z.string().min(1),
  anonymous_id: Id.nullish(),
  member_id: Id.nullish(),
  channel: z.string().nullish(),
  phone: z.string().nullish(),
  product_id: Id.nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
  utm_source: z.string().nullish(),
  utm_medium: z.string().nullish(),
  utm_campaign: z.string().nullish(),
});

/** An events line after validation (what `EventLine` parses a value into). */
export type EventLineValue = z.output<typeof EventLine>;

type Draft = Omit<EventRecord, 'personRecordId'> & { readonly anon?: string; readonly own?: string };

/**
 * Events: a line carrying `anonymous_id` plus `member_id` or `phone` links that visitor to the
 * person (a PersonRecord with the `anon` key), and every event of that visitor in the file is
 * attributed; anonymous-only events keep just their anonymous id. Member ids belong to
 * `--channel` (default the own shop, `cafe24`).
 */
export function createEventMapper(ctx: MapContext, issues: RowIssue[]) {
  const memberChannel = ctx.channel ?? 'cafe24';
  const drafts: Draft[] = [];
  const seen = new Map<string, number>();
  const linked = new Set<string>();
  const fail = (line: number, column: string | undefined, code: RowIssue['code'], message: string): false => {
    issues.push(
      column === undefined ? { file: ctx.file, line, code, message } : { file: ctx.file, line, column, code, message },
    );
    return false;
  };
  const mapper = {
    /** Returns false when the line was refused. */
    mapLine(text: string, line: number): boolean {
      const json = parseBoundedJson(text);
      if (!json.ok) return fail(line, undefined, 'BAD_ROW', `not valid JSON: ${json.message}`);
      return mapper.mapValue(json.value, line);
    },
    /** One already-parsed line (an HTTP body's event): the same mapping, without the JSON text. */
    mapValue(value: unknown, line: number): boolean {
      const p = EventLine.safeParse(value);
      if (!p.success) {
        for (const i of p.error.issues) fail(line, i.path.join('.') || undefined, 'BAD_VALUE', i.message);
        return false;
      }
      return mapper.mapParsed(p.data, line);
    },
    /** One line already validated against `EventLine` (or a stricter schema): dates, phones, keys. */
    mapParsed(e: EventLineValue, line: number): boolean {
      const at = parseTimestamp(e.occurred_at);
      if (!at?.ok) return fail(line, 'occurred_at', 'BAD_DATE', at?.ok === false ? at.reason : 'empty');
      const phone = normalisePhone(e.phone ?? undefined);
      if (phone?.kind === 'invalid') return fail(line, 'phone', 'BAD_PHONE', phone.reason);
      const first = seen.get(e.event_id);
      if (first !== undefined)
        return fail(line, 'event_id', 'DUPLICATE', `event ${e.event_id} already appears on line ${first}`);
      seen.set(e.event_id, line);
      const anon = e.anonymous_id ?? undefined;
      const member = e.member_id ?? undefined;
      const keys: IdentityKey[] = [...phoneKeys(phone)];
      if (member !== undefined) keys.push({ kind: 'member', value: `${memberChannel}:${member}`, mergeable: true });
      let own: string | undefined;
      if (keys.length > 0) {
        if (anon !== undefined) keys.push({ kind: 'anon', value: anon, mergeable: true });
        const recordId =
          anon !== undefined
            ? `tracker:anon:${anon}`
            : `tracker:${member !== undefined ? `member:${member}` : `phone:${mobileOf(phone) ?? keys[0]?.value}`}`;
        ctx.out.addPerson(
          compact<PersonRecord>({
            recordId,
            channel: 'tracker',
            keys,
            seenAt: at.value,
            phone: mobileOf(phone),
            memberId: member,
          }),
        );
        if (anon !== undefined) linked.add(anon);
        else own = recordId;
      }
      const properties = e.channel ? { ...(e.properties ?? {}), channel: e.channel } : (e.properties ?? undefined);
      const utm = compact<{ source?: string; medium?: string; campaign?: string }>({
        source: e.utm_source ?? undefined,
        medium: e.utm_medium ?? undefined,
        campaign: e.utm_campaign ?? undefined,
      });
      drafts.push(
        compact<Draft>({
          eventId: e.event_id,
          anonymousId: anon,
          type: e.type,
          occurredAt: at.value,
          productId: e.product_id ?? undefined,
          properties,
          utm: Object.keys(utm).length > 0 ? utm : undefined,
          anon,
          own,
        }),
      );
      return true;
    },
    finish(): void {
      for (const { anon, own, ...event } of drafts) {
        const person = anon !== undefined && linked.has(anon) ? `tracker:anon:${anon}` : own;
        ctx.out.events.push(person === undefined ? event : { ...event, personRecordId: person });
      }
    },
  };
  return mapper;
}

/**
 * Events already parsed (an HTTP body's items, item N as line N + 1), mapped exactly as the lines of
 * an events JSON-lines file: same validation, keys and attribution, without a JSON text round trip.
 */
export function mapEventValues(
  values: readonly unknown[],
  opts: { file: string; now: Date; channel?: string | undefined },
): { batch: CanonicalBatch; issues: RowIssue[] } {
  return mapEach(values, opts, (mapper, v, line) => mapper.mapValue(v, line));
}

/**
 * Events already validated by a schema at least as strict as `EventLine` (the HTTP routes' zod
 * body): mapped as `mapEventValues` maps them, without validating each one a second time.
 */
export function mapParsedEvents(
  values: readonly EventLineValue[],
  opts: { file: string; now: Date; channel?: string | undefined },
): { batch: CanonicalBatch; issues: RowIssue[] } {
  return mapEach(values, opts, (mapper, v, line) => mapper.mapParsed(v, line));
}

function mapEach<T>(
  values: readonly T[],
  opts: { file: string; now: Date; channel?: string | undefined },
  map: (mapper: ReturnType<typeof createEventMapper>, value: T, line: number) => boolean,
): { batch: CanonicalBatch; issues: RowIssue[] } {
  const out = new BatchBuilder();
  const issues: RowIssue[] = [];
  const mapper = createEventMapper(
    { source: 'events', file: opts.file, now: opts.now, out, ...(opts.channel ? { channel: opts.channel } : {}) },
    issues,
  );
  values.forEach((v, i) => {
    map(mapper, v, i + 1);
  });
  mapper.finish();
  return { batch: out.build(), issues };
}
