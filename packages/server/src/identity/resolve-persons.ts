import type { CustomerIdFactory } from '@dalbit/core/identity/ids';
import { orderPersons } from '@dalbit/core/identity/plan-resolution';
import type { PersonRecord } from '@dalbit/core/ingest/records';
import type { Engine } from '../engines/engine.ts';
import { eachChunk } from '../engines/engine.ts';
import { planMerging, stageAssignment } from './assign.ts';
import { dropComponentTables, findComponents } from './components.ts';
import { expectCount } from './expect-count.ts';
import { randomCustomerId } from './random-customer-id.ts';
import { createStages, dropStages, STAGE, stageRecords } from './stage.ts';
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
    /** Filled with the process's CPU seconds per step (all threads), for benchmarks. */
    cpuTimings?: Record<string, number>;
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
    let cpu = process.cpuUsage();
    const step = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
      const out = await fn();
      const now = performance.now();
      if (opts.timings) opts.timings[name] = (opts.timings[name] ?? 0) + (now - t) / 1000;
      if (opts.cpuTimings) {
        const used = process.cpuUsage(cpu);
        opts.cpuTimings[name] = (opts.cpuTimings[name] ?? 0) + (used.user + used.system) / 1e6;
        cpu = process.cpuUsage();
      }
      t = now;
      return out;
    };
    const ordered = orderPersons(persons);
    const newCustomerId = opts.newCustomerId ?? randomCustomerId;
    await step('stage', () => stageRecords(engine, ordered));
    const components = await step('components', () => findComponents(engine));
    const merging = await step('plan', () => planMerging(engine, ordered, components, newCustomerId));
    await step('stagePlan', async () => {
      await stageAssignment(engine, {
        records: ordered.length,
        components,
        merging,
        newCustomerId,
        usesRecordId: opts.newCustomerId !== undefined,
      });
      await stageAssigned(engine, ordered.length);
    });
    const merges = merging?.plan.merges.length ?? 0;
    if (merges > 0) await step('merges', () => writeMerges(engine, opts.now));
    const uniqueRecordIds = ordered.every((r, i) => i === 0 || ordered[i - 1]?.recordId !== r.recordId);
    await step('personRecords', () =>
      writePersonRecords(engine, { uniqueRecordIds, anyKnown: components.knownRecords }),
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
    const { customerOf, originOf } = await step('readBack', () => readAssigned(engine));
    await engine.exec(`DROP TABLE IF EXISTS ${RA}`);
    await dropStages(engine);
    await dropComponentTables(engine);
    return {
      customerOf,
      originOf,
      created: components.newClusters + (merging?.plan.newCustomers.length ?? 0),
      merged: merges,
    };
  } catch (e) {
    // The caller rolls its transaction back; dropping may fail in an aborted transaction.
    await dropStages(engine).catch(() => undefined);
    await dropComponentTables(engine).catch(() => undefined);
    throw e;
  }
}

/** Each record id's customer and origin, from the first of its staged versions. */
async function readAssigned(
  engine: Engine,
): Promise<{ customerOf: Map<string, string>; originOf: Map<string, string> }> {
  const customerOf = new Map<string, string>();
  const originOf = new Map<string, string>();
  await eachChunk<{ record_id: string; customer_id: string; origin_customer_id: string }>(
    engine,
    `SELECT record_id, customer_id, origin_customer_id FROM ${RA} ORDER BY rec`,
    (rows) => {
      for (const r of rows) {
        if (customerOf.has(r.record_id)) continue;
        customerOf.set(r.record_id, r.customer_id);
        originOf.set(r.record_id, r.origin_customer_id);
      }
    },
  );
  return { customerOf, originOf };
}
