import type { CustomerIdFactory } from '@dalbit/core/identity/ids';
import { orderPersons, planResolution } from '@dalbit/core/identity/plan-resolution';
import type { PersonRecord } from '@dalbit/core/ingest/records';
import type { Engine } from '../engines/engine.ts';
import { expectCount } from './expect-count.ts';
import { randomCustomerId } from './random-customer-id.ts';
import { readIndex } from './read-index.ts';
import { createStages, dropStages, STAGE, stagePlan, stageRecords } from './stage.ts';
import { invalidateStatsSummary } from './stats-summary.ts';
import {
  backfillAnonymousEvents,
  RA,
  stageAssigned,
  writeChannels,
  writeIdentities,
  writePersonRecords,
} from './write-links.ts';
import { writeMerges } from './write-merges.ts';
import { writeProfiles } from './write-profiles.ts';

export interface ResolvePersonsResult {
  /** recordId → canonical customer id: write it to `customer_id` of the record's facts. */
  readonly customerOf: ReadonlyMap<string, string>;
  /** recordId → the customer the record first landed on: write it to `origin_customer_id`. */
  readonly originOf: ReadonlyMap<string, string>;
  readonly created: number;
  readonly merged: number;
}

/**
 * Resolves a batch of person records against the warehouse and writes the outcome: customers
 * (profile refreshed), identities, channels, source records, merges (linked rows re-pointed),
 * and events of newly known tracker ids. Call it inside the import's `engine.transaction`;
 * it opens none itself.
 *
 * @example
 * await engine.transaction(async (tx) => {
 *   const { customerOf, originOf } = await resolvePersons(tx, batch.persons, { now });
 *   // write orders with customer_id = customerOf.get(o.buyerRecordId), origin_customer_id = originOf.get(…)
 * });
 */
export async function resolvePersons(
  engine: Engine,
  persons: readonly PersonRecord[],
  opts: {
    now: Date;
    /** Filled with seconds per step, for benchmarks. */
    timings?: Record<string, number>;
    /** Ids of new customers (default: crypto-random; the demo passes seeded ones to stay reproducible). */
    newCustomerId?: CustomerIdFactory | undefined;
  },
): Promise<ResolvePersonsResult> {
  if (persons.length === 0) return { customerOf: new Map(), originOf: new Map(), created: 0, merged: 0 };
  // Channels and merges change the cross-channel and per-channel customer figures.
  await invalidateStatsSummary(engine);
  await createStages(engine);
  try {
    let t = performance.now();
    const step = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
      const out = await fn();
      const now = performance.now();
      if (opts.timings) opts.timings[name] = (opts.timings[name] ?? 0) + (now - t) / 1000;
      t = now;
      return out;
    };
    const ordered = orderPersons(persons);
    await step('stage', () => stageRecords(engine, ordered));
    const index = await step('lookup', () => readIndex(engine));
    const plan = await step('plan', () => planResolution(ordered, index, opts.newCustomerId ?? randomCustomerId));
    await step('stagePlan', async () => {
      await stagePlan(
        engine,
        plan,
        (i) => index.recordOrigins.get((plan.records[i] as PersonRecord).recordId) ?? (plan.customerOf[i] as string),
      );
      await stageAssigned(engine, plan.records.length);
    });
    if (plan.merges.length > 0) await step('merges', () => writeMerges(engine, opts.now));
    const uniqueRecordIds = plan.records.every((r, i) => i === 0 || plan.records[i - 1]?.recordId !== r.recordId);
    await step('personRecords', () =>
      writePersonRecords(engine, { uniqueRecordIds, anyKnown: index.recordOrigins.size > 0 }),
    );
    await step('profiles', () =>
      writeProfiles(engine, { now: opts.now, customerIdsSql: `SELECT DISTINCT customer_id FROM ${STAGE.assign}` }),
    );
    await expectCount(
      engine,
      `SELECT count(*) AS n FROM (SELECT DISTINCT customer_id FROM ${STAGE.assign}) a WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = a.customer_id)`,
      0,
      'writing customers',
    );
    await step('identities', () => writeIdentities(engine));
    await step('channels', () => writeChannels(engine));
    await step('anonEvents', () => backfillAnonymousEvents(engine));
    await engine.exec(`DROP TABLE IF EXISTS ${RA}`);

    const customerOf = new Map<string, string>();
    const originOf = new Map<string, string>();
    plan.records.forEach((r, i) => {
      if (!customerOf.has(r.recordId)) customerOf.set(r.recordId, plan.customerOf[i] as string);
      if (!originOf.has(r.recordId))
        originOf.set(r.recordId, index.recordOrigins.get(r.recordId) ?? (plan.customerOf[i] as string));
    });
    await dropStages(engine);
    return { customerOf, originOf, created: plan.newCustomers.length, merged: plan.merges.length };
  } catch (e) {
    // The caller rolls its transaction back; dropping may fail in an aborted transaction.
    await dropStages(engine).catch(() => undefined);
    throw e;
  }
}
