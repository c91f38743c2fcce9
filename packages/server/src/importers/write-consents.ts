import type { ConsentRecord } from '@dalbit/core/ingest/records';
import { CONSENT_COLUMNS } from '../consent/consent-store.ts';
import type { Engine } from '../engines/engine.ts';

const STAGE = 'import_stage_consents';
const COLUMNS = CONSENT_COLUMNS;
// `at` is a keyword in DuckDB: quote every column.
const LIST = COLUMNS.map((c) => `"${c}"`).join(', ');

/**
 * Consents are append-only events. An observed consent is appended only when it is news: its id
 * is unknown and the customer's latest state for that channel and purpose differs (or is newer
 * than it). Re-importing the same export therefore appends nothing; a flip (T → F) appends.
 */
export async function writeConsents(
  engine: Engine,
  consents: readonly ConsentRecord[],
  who: (recordId: string) => [string | null, string | null],
): Promise<number> {
  if (consents.length === 0) return 0;
  const byKey = new Map<string, { row: unknown[]; at: number; granted: boolean }[]>();
  for (const c of consents) {
    const [customer, origin] = who(c.personRecordId);
    if (customer === null) continue;
    const key = `${customer}\u0000${c.channel}\u0000${c.purpose}`;
    const list = byKey.get(key) ?? [];
    list.push({
      row: [c.consentId, customer, origin, c.channel, c.purpose, c.granted, c.at, c.source, c.proof ?? null],
      at: c.at.getTime(),
      granted: c.granted,
    });
    byKey.set(key, list);
  }
  const rows: unknown[][] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => a.at - b.at);
    let prev: boolean | undefined;
    for (const x of list) {
      if (x.granted !== prev) rows.push(x.row);
      prev = x.granted;
    }
  }
  const d = engine.dialect;
  await engine.exec(d.write.tempTable(STAGE, { as: `SELECT ${LIST} FROM consents LIMIT 0` }));
  await engine.insert(STAGE, COLUMNS, rows);
  const before = await count(engine);
  await engine.exec(
    `INSERT INTO consents (${LIST})
     SELECT ${COLUMNS.map((c) => `s."${c}"`).join(', ')} FROM ${STAGE} s
     LEFT JOIN (
       SELECT customer_id, channel, purpose, ${d.fn.argMax('granted', '"at"')} AS granted, max("at") AS "at"
       FROM consents WHERE customer_id IN (SELECT customer_id FROM ${STAGE}) GROUP BY customer_id, channel, purpose
     ) l ON l.customer_id = s.customer_id AND l.channel = s.channel AND l.purpose = s.purpose
     WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.consent_id = s.consent_id)
       AND (l.granted IS NULL OR l.granted <> s.granted OR s."at" < l."at")`,
  );
  const written = (await count(engine)) - before;
  await engine.exec(`DROP TABLE ${STAGE}`);
  return written;
}

async function count(engine: Engine): Promise<number> {
  const r = await engine.query<{ n: number }>('SELECT count(*) AS n FROM consents');
  return r[0]?.n ?? 0;
}
