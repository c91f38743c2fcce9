// Identity resolution of 1M synthetic person records (about 30% of people on 2+ channels) into an
// empty on-disk warehouse, one import per channel file, each in its own transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCustomerId } from '@dalbit/core/identity/ids';
import type { IdentityKey, PersonRecord } from '@dalbit/core/ingest/records';
import { createRandom } from '../packages/core/src/math/random/mulberry32.ts';
import { MemoryIndex } from '../packages/core/test/identity/simulate.ts';
import { openWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { resolvePersons } from '../packages/server/src/identity/resolve-persons.ts';

const TARGET_RECORDS = Number(process.env.DALBIT_BENCH_RECORDS ?? 1_000_000);
/** DALBIT_BENCH_VERIFY=1: ids from the record ids, and every record's customer compared with the pure planner's. */
const VERIFY = process.env.DALBIT_BENCH_VERIFY === '1';
const CHANNELS = ['cafe24', 'smartstore', 'offline', 'musinsa'] as const;
type Channel = (typeof CHANNELS)[number];

const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
  '권',
  '황',
  '안',
  '송',
  '류',
  '전',
];
const GIVEN = [
  '민준',
  '서연',
  '도윤',
  '하은',
  '지호',
  '수아',
  '예준',
  '지우',
  '시우',
  '서윤',
  '주원',
  '하린',
  '지민',
  '채원',
  '현우',
  '다은',
];

/** People with a home channel; 30% also buy on one or two other channels. */
export function generate(target: number): Record<Channel, PersonRecord[]> {
  const rnd = createRandom(20241123);
  const out: Record<Channel, PersonRecord[]> = { cafe24: [], smartstore: [], offline: [], musinsa: [] };
  const base = Date.UTC(2023, 0, 1);
  let total = 0;
  for (let p = 0; total < target; p++) {
    const phone = `+8210${String(10_000_000 + ((p * 7_919) % 89_999_999)).padStart(8, '0')}`;
    const email = `user${p}@example.com`;
    const name = `${SURNAMES[p % SURNAMES.length]}${GIVEN[(p >>> 3) % GIVEN.length]}`;
    const home = CHANNELS[Math.floor(rnd() * 4)] as Channel;
    const channels = new Set<Channel>([home]);
    if (rnd() < 0.3) {
      channels.add(CHANNELS[Math.floor(rnd() * 4)] as Channel);
      if (rnd() < 0.3) channels.add(CHANNELS[Math.floor(rnd() * 4)] as Channel);
      if (channels.size === 1) channels.add(CHANNELS[(CHANNELS.indexOf(home) + 1) % 4] as Channel);
    }
    const hasEmailOnlyMember = rnd() < 0.15;
    for (const ch of channels) {
      const keys: IdentityKey[] = [];
      const seenAt = new Date(base + Math.floor(rnd() * 600) * 86_400_000);
      let rec: PersonRecord;
      switch (ch) {
        case 'cafe24':
          keys.push(
            { kind: 'member', value: `cafe24:m${p}`, mergeable: true },
            { kind: 'email', value: email, mergeable: true },
          );
          if (!hasEmailOnlyMember) keys.push({ kind: 'phone', value: phone, mergeable: true });
          if (rnd() < 0.2) keys.push({ kind: 'anon', value: `anon-${p}`, mergeable: true });
          rec = {
            recordId: `cafe24:member:m${p}`,
            channel: ch,
            keys,
            seenAt,
            name,
            email,
            ...(hasEmailOnlyMember ? {} : { phone }),
            birthdayMd: `${String(1 + (p % 12)).padStart(2, '0')}-${String(1 + (p % 28)).padStart(2, '0')}`,
            birthdayLunar: p % 9 === 0,
            gender: p % 2 === 0 ? 'F' : 'M',
            grade: ['WELCOME', 'SILVER', 'GOLD', 'VIP'][p % 4] as string,
            memberId: `m${p}`,
            joinedAt: seenAt,
          };
          break;
        case 'smartstore':
          keys.push({ kind: 'phone', value: phone, mergeable: true });
          if (rnd() < 0.6)
            keys.push({
              kind: 'phone',
              value: `+82505${String(Math.floor(rnd() * 50_000_000)).padStart(8, '0')}`,
              mergeable: false,
            });
          rec = { recordId: `smartstore:buyer:${p}`, channel: ch, keys, seenAt, name, phone };
          break;
        case 'offline':
          keys.push({ kind: 'phone', value: phone, mergeable: true });
          rec = { recordId: `pos:sale:${p}`, channel: ch, keys, seenAt, phone };
          break;
        case 'musinsa':
          keys.push(
            { kind: 'member', value: `musinsa:u${p}`, mergeable: true },
            { kind: 'email', value: email, mergeable: true },
            { kind: 'phone', value: phone, mergeable: true },
          );
          rec = { recordId: `musinsa:member:u${p}`, channel: ch, keys, seenAt, name, email, phone, memberId: `u${p}` };
          break;
      }
      out[ch].push(rec);
      total++;
    }
  }
  return out;
}

export async function run(): Promise<Record<string, unknown>> {
  const files = generate(TARGET_RECORDS);
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-identity-bench-'));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const engine = await openWarehouse({ dataDir: dir });
  try {
    const now = new Date(Date.UTC(2024, 11, 1));
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const perFile: Record<string, { records: number; seconds: number; created: number; merged: number }> = {};
    let created = 0;
    let merged = 0;
    const steps: Record<string, number> = {};
    const cpuSteps: Record<string, number> = {};
    const answers: ReadonlyMap<string, string>[] = [];
    for (const [b, ch] of CHANNELS.entries()) {
      const t0 = performance.now();
      const res = await engine.transaction((tx) =>
        resolvePersons(tx, files[ch], {
          // Verifying: the reference's clock (batch b creates customers at 2024-01-01 + b seconds).
          now: VERIFY ? new Date(Date.UTC(2024, 0, 1) + b * 1000) : now,
          timings: steps,
          cpuTimings: cpuSteps,
          ...(VERIFY ? { newCustomerId: toCustomerId } : {}),
        }),
      );
      if (VERIFY) answers.push(res.customerOf);
      perFile[ch] = {
        records: files[ch].length,
        seconds: round((performance.now() - t0) / 1000),
        created: res.created,
        merged: res.merged,
      };
      created += res.created;
      merged += res.merged;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage().rss);
    const [row] = await engine.query<{ customers: number; distinct_ids: number; multi: number; clusters: number }>(
      `SELECT count(*) AS customers, count(DISTINCT customer_id) AS distinct_ids,
         (SELECT count(*) FROM (SELECT customer_id FROM customer_channels GROUP BY customer_id HAVING count(DISTINCT channel) >= 2)) AS multi,
         (SELECT count(DISTINCT customer_id) FROM person_records) AS clusters
       FROM customers`,
    );
    // The warehouse must agree with itself: one row per customer, one customer per record cluster.
    const consistent =
      row?.customers === row?.distinct_ids && row?.customers === row?.clusters && row?.customers === created - merged;
    return {
      records: TARGET_RECORDS,
      ...(VERIFY ? { sameAsPlanner: verify(files, answers) } : {}),
      seconds: round(seconds),
      recordsPerSecond: Math.round(TARGET_RECORDS / seconds),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      loadAverage1m: round(loadavg()[0] ?? 0),
      customers: row?.customers,
      customersCreated: created,
      merges: merged,
      customersOnTwoOrMoreChannels: row?.multi,
      consistent,
      perFile,
      secondsByStep: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(v)])),
      cpuSecondsByStep: Object.fromEntries(Object.entries(cpuSteps).map(([k, v]) => [k, round(v)])),
      peakRssMb: Math.round(peak / 1024 / 1024),
      targets: { seconds: 10, peakRssMb: 2048 },
    };
  } finally {
    clearInterval(sampler);
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Records whose customer differs from the pure union-find planner's, batch by batch (0 when equal). */
function verify(files: Record<Channel, PersonRecord[]>, answers: readonly ReadonlyMap<string, string>[]) {
  const reference = new MemoryIndex();
  let differ = 0;
  let compared = 0;
  for (const [b, ch] of CHANNELS.entries()) {
    const plan = reference.import(files[ch]);
    plan.records.forEach((r, i) => {
      compared++;
      if (answers[b]?.get(r.recordId) !== plan.customerOf[i]) differ++;
    });
  }
  return { compared, differ };
}

const round = (x: number): number => Math.round(x * 100) / 100;
