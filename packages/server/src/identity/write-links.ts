import { PERSON_RECORD_PROFILE_COLUMNS } from '@dalbit/core/identity/tables';
import { tableDef } from '@dalbit/core/schema/migrations';
import type { Engine } from '../engines/engine.ts';
import { expectCount } from './expect-count.ts';
import { STAGE } from './stage.ts';

export const RA = 'id_stage_ra';
const LATEST = 'id_stage_latest';

/** Joins the staged records with their planned customers once, for the writes below. */
export async function stageAssigned(engine: Engine, records: number): Promise<void> {
  await engine.exec(
    engine.dialect.write.tempTable(RA, {
      as: `SELECT r.*, a.customer_id AS customer_id, a.origin_customer_id AS origin_customer_id FROM ${STAGE.records} r JOIN ${STAGE.assign} a USING (rec)`,
    }),
  );
  await expectCount(engine, `SELECT count(*) AS n FROM ${RA}`, records, 'joining records with their customers');
}

const PROFILE_FIELDS = PERSON_RECORD_PROFILE_COLUMNS.map((c) => c.name);

/**
 * Source records with the profile of their latest version: known ones follow their customer and
 * take newer data; new ones start with origin = customer. A field the newer record leaves empty
 * keeps the stored value (a member export's grade survives an order export of the same member
 * that has no grade column).
 */
export async function writePersonRecords(
  engine: Engine,
  batch: { uniqueRecordIds: boolean; anyKnown: boolean },
): Promise<void> {
  const { fn, write } = engine.dialect;
  const newest = fn.orderKey([fn.epochMs('seen_at'), 'rec']);
  const latest = PROFILE_FIELDS.map((f) => `${fn.argMax(f, newest)} AS ${f}`).join(', ');
  const first = (c: string) => `${fn.argMin(c, 'rec')} AS ${c}`;
  await engine.exec(
    write.tempTable(LATEST, {
      as: batch.uniqueRecordIds
        ? `SELECT record_id, customer_id, origin_customer_id, channel, seen_at AS first_seen, seen_at AS last_seen, ${PROFILE_FIELDS.join(', ')} FROM ${RA}`
        : `SELECT record_id, ${first('customer_id')}, ${first('origin_customer_id')}, ${first('channel')}, min(seen_at) AS first_seen,
           max(seen_at) AS last_seen, ${latest}
         FROM ${RA} GROUP BY record_id`,
    }),
  );
  if (batch.anyKnown)
    await engine.exec(
      write.updateWhere({
        table: tableDef('person_records'),
        alias: 'person_records',
        set: {
          customer_id: 'x.customer_id',
          last_seen_at: 'greatest(person_records.last_seen_at, x.last_seen)',
          ...Object.fromEntries(
            PROFILE_FIELDS.map((f) => [
              f,
              `CASE WHEN x.last_seen >= person_records.last_seen_at THEN coalesce(x.${f}, person_records.${f}) ELSE coalesce(person_records.${f}, x.${f}) END`,
            ]),
          ),
        },
        from: `${LATEST} x`,
        where: `person_records.record_id = x.record_id AND (person_records.customer_id <> x.customer_id OR person_records.last_seen_at < x.last_seen
         OR (x.last_seen = person_records.last_seen_at AND (${PROFILE_FIELDS.map((f) => `x.${f} IS DISTINCT FROM person_records.${f}`).join(' OR ')})))`,
      }),
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
  const { fn } = engine.dialect;
  await engine.exec(
    `INSERT INTO identities (kind, value, source, customer_id, origin_customer_id, mergeable, first_seen_at)
     SELECT k.kind, k.value, ${fn.argMin('ra.channel', 'k.rec')}, ${fn.argMin('ra.customer_id', 'k.rec')}, ${fn.argMin('ra.origin_customer_id', 'k.rec')},
       ${fn.boolAnd('k.mergeable')}, min(ra.seen_at)
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
  const { fn, write } = engine.dialect;
  const newest = fn.orderKey([fn.epochMs('ra.seen_at'), 'ra.rec']);
  await engine.exec(
    write.tempTable(CHANNELS, {
      as: `WITH b AS (
       SELECT ra.origin_customer_id, ra.channel, ${fn.argMin('ra.customer_id', 'ra.rec')} AS customer_id,
         ${fn.argMax('ra.member_id', newest)} FILTER (WHERE ra.member_id IS NOT NULL) AS member_id,
         min(ra.joined_at) AS joined_at, min(ra.seen_at) AS first_seen_at, max(ra.last_login_at) AS last_login_at
       FROM ${RA} ra GROUP BY ra.origin_customer_id, ra.channel
     )
     SELECT b.customer_id AS customer_id, b.origin_customer_id AS origin_customer_id, b.channel AS channel, coalesce(b.member_id, c.member_id) AS member_id,
       least(b.joined_at, c.joined_at) AS joined_at, least(b.first_seen_at, c.first_seen_at) AS first_seen_at,
       greatest(b.last_login_at, c.last_login_at) AS last_login_at
     FROM b LEFT JOIN customer_channels c ON c.origin_customer_id = b.origin_customer_id AND c.channel = b.channel
     WHERE c.channel IS NULL OR c.customer_id IS DISTINCT FROM b.customer_id OR c.member_id IS DISTINCT FROM coalesce(b.member_id, c.member_id)
       OR c.joined_at IS DISTINCT FROM least(b.joined_at, c.joined_at) OR c.first_seen_at IS DISTINCT FROM least(b.first_seen_at, c.first_seen_at)
       OR c.last_login_at IS DISTINCT FROM greatest(b.last_login_at, c.last_login_at)`,
    }),
  );
  await engine.exec(
    write.deleteWhere({
      table: tableDef('customer_channels'),
      alias: 'customer_channels',
      from: `${CHANNELS} s`,
      where: 'customer_channels.origin_customer_id = s.origin_customer_id AND customer_channels.channel = s.channel',
    }),
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
    engine.dialect.write.updateWhere({
      table: tableDef('events'),
      alias: 'events',
      set: { customer_id: 'x.customer_id', origin_customer_id: 'coalesce(events.origin_customer_id, x.customer_id)' },
      from: `(SELECT i.value, i.customer_id FROM identities i
           JOIN (SELECT DISTINCT value FROM ${STAGE.keys} WHERE kind = 'anon') k USING (value) WHERE i.kind = 'anon') x`,
      where: 'events.anonymous_id = x.value AND events.customer_id IS NULL',
    }),
  );
}
