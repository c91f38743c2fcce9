import { PERSON_RECORD_PROFILE_COLUMNS } from '@dalbit/core/identity/tables';
import type { Engine } from '../engines/engine.ts';
import { expectCount } from './expect-count.ts';
import { STAGE } from './stage.ts';

export const RA = 'id_stage_ra';
const LATEST = 'id_stage_latest';

/** Joins the staged records with their planned customers once, for the writes below. */
export async function stageAssigned(engine: Engine, records: number): Promise<void> {
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${RA} AS SELECT r.*, a.customer_id, a.origin_customer_id FROM ${STAGE.records} r JOIN ${STAGE.assign} a USING (rec)`,
  );
  await expectCount(engine, `SELECT count(*) AS n FROM ${RA}`, records, 'joining records with their customers');
}

const PROFILE_FIELDS = PERSON_RECORD_PROFILE_COLUMNS.map((c) => c.name);

/**
 * Source records with the profile of their latest version: known ones follow their customer and
 * take newer data; new ones start with origin = customer.
 */
export async function writePersonRecords(
  engine: Engine,
  batch: { uniqueRecordIds: boolean; anyKnown: boolean },
): Promise<void> {
  const latest = PROFILE_FIELDS.map((f) => `arg_max(${f}, [epoch_ms(seen_at), rec]) AS ${f}`).join(', ');
  await engine.exec(
    batch.uniqueRecordIds
      ? `CREATE OR REPLACE TEMP TABLE ${LATEST} AS
         SELECT record_id, customer_id, origin_customer_id, channel, seen_at AS first_seen, seen_at AS last_seen, ${PROFILE_FIELDS.join(', ')} FROM ${RA}`
      : `CREATE OR REPLACE TEMP TABLE ${LATEST} AS
         SELECT record_id, arg_min(customer_id, rec) AS customer_id, arg_min(origin_customer_id, rec) AS origin_customer_id, arg_min(channel, rec) AS channel, min(seen_at) AS first_seen,
           max(seen_at) AS last_seen, ${latest}
         FROM ${RA} GROUP BY record_id`,
  );
  if (batch.anyKnown)
    await engine.exec(
      `UPDATE person_records SET customer_id = x.customer_id, last_seen_at = greatest(person_records.last_seen_at, x.last_seen),
         ${PROFILE_FIELDS.map((f) => `${f} = CASE WHEN x.last_seen >= person_records.last_seen_at THEN x.${f} ELSE person_records.${f} END`).join(', ')}
       FROM ${LATEST} x
       WHERE person_records.record_id = x.record_id AND (person_records.customer_id <> x.customer_id OR person_records.last_seen_at < x.last_seen
         OR (x.last_seen = person_records.last_seen_at AND (${PROFILE_FIELDS.map((f) => `x.${f} IS DISTINCT FROM person_records.${f}`).join(' OR ')})))`,
    );
  const cols = [
    'record_id',
    'customer_id',
    'origin_customer_id',
    'channel',
    'first_seen_at',
    'last_seen_at',
    ...PROFILE_FIELDS,
  ];
  await engine.exec(
    `INSERT INTO person_records (${cols.join(', ')})
     SELECT record_id, customer_id, origin_customer_id, channel, first_seen, last_seen, ${PROFILE_FIELDS.join(', ')}
     FROM ${LATEST} x ${batch.anyKnown ? 'WHERE NOT EXISTS (SELECT 1 FROM person_records p WHERE p.record_id = x.record_id)' : ''}`,
  );
  await expectCount(
    engine,
    `SELECT count(*) AS n FROM ${LATEST} x WHERE NOT EXISTS (SELECT 1 FROM person_records p WHERE p.record_id = x.record_id AND p.customer_id = x.customer_id)`,
    0,
    'writing person records',
  );
  await engine.exec(`DROP TABLE ${LATEST}`);
}

/**
 * New keys: owned by the customer of the first record (in the plan's order) that carried them,
 * with that record's origin, so an unmerge takes the key back with the record.
 */
export async function writeIdentities(engine: Engine): Promise<void> {
  await engine.exec(
    `INSERT INTO identities (kind, value, source, customer_id, origin_customer_id, mergeable, first_seen_at)
     SELECT k.kind, k.value, arg_min(ra.channel, k.rec), arg_min(ra.customer_id, k.rec), arg_min(ra.origin_customer_id, k.rec),
       bool_and(k.mergeable), min(ra.seen_at)
     FROM ${STAGE.keys} k JOIN ${RA} ra USING (rec)
     WHERE NOT EXISTS (SELECT 1 FROM identities i WHERE i.kind = k.kind AND i.value = k.value)
     GROUP BY k.kind, k.value`,
  );
  await expectCount(
    engine,
    `SELECT count(*) AS n FROM (SELECT DISTINCT kind, value FROM ${STAGE.keys}) k
     WHERE NOT EXISTS (SELECT 1 FROM identities i WHERE i.kind = k.kind AND i.value = k.value)`,
    0,
    'writing identities',
  );
}

const CHANNELS = 'id_stage_channels';

/** One row per (origin customer, channel): member id, joined, first seen, last login. */
export async function writeChannels(engine: Engine): Promise<void> {
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${CHANNELS} AS
     WITH b AS (
       SELECT ra.origin_customer_id, ra.channel, arg_min(ra.customer_id, ra.rec) AS customer_id,
         arg_max(ra.member_id, [epoch_ms(ra.seen_at), ra.rec]) FILTER (WHERE ra.member_id IS NOT NULL) AS member_id,
         min(ra.joined_at) AS joined_at, min(ra.seen_at) AS first_seen_at, max(ra.last_login_at) AS last_login_at
       FROM ${RA} ra GROUP BY ra.origin_customer_id, ra.channel
     )
     SELECT b.customer_id, b.origin_customer_id, b.channel, coalesce(b.member_id, c.member_id) AS member_id,
       least(b.joined_at, c.joined_at) AS joined_at, least(b.first_seen_at, c.first_seen_at) AS first_seen_at,
       greatest(b.last_login_at, c.last_login_at) AS last_login_at
     FROM b LEFT JOIN customer_channels c ON c.origin_customer_id = b.origin_customer_id AND c.channel = b.channel
     WHERE c.channel IS NULL OR c.customer_id IS DISTINCT FROM b.customer_id OR c.member_id IS DISTINCT FROM coalesce(b.member_id, c.member_id)
       OR c.joined_at IS DISTINCT FROM least(b.joined_at, c.joined_at) OR c.first_seen_at IS DISTINCT FROM least(b.first_seen_at, c.first_seen_at)
       OR c.last_login_at IS DISTINCT FROM greatest(b.last_login_at, c.last_login_at)`,
  );
  await engine.exec(
    `DELETE FROM customer_channels USING ${CHANNELS} s
     WHERE customer_channels.origin_customer_id = s.origin_customer_id AND customer_channels.channel = s.channel`,
  );
  await engine.exec(
    `INSERT INTO customer_channels (customer_id, origin_customer_id, channel, member_id, joined_at, first_seen_at, last_login_at)
     SELECT customer_id, origin_customer_id, channel, member_id, joined_at, first_seen_at, last_login_at FROM ${CHANNELS}`,
  );
  await engine.exec(`DROP TABLE ${CHANNELS}`);
}

/** Events of a tracker id that now belongs to someone: give them that customer. */
export async function backfillAnonymousEvents(engine: Engine): Promise<void> {
  await engine.exec(
    `UPDATE events SET customer_id = x.customer_id, origin_customer_id = coalesce(events.origin_customer_id, x.customer_id)
     FROM (SELECT i.value, i.customer_id FROM identities i
           JOIN (SELECT DISTINCT value FROM ${STAGE.keys} WHERE kind = 'anon') k USING (value) WHERE i.kind = 'anon') x
     WHERE events.anonymous_id = x.value AND events.customer_id IS NULL`,
  );
}
