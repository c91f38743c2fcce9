import { type Engine, sql } from '../../engines/engine.ts';

/** Lower bounds of the purchase-probability (P(alive)) bins: 0 %, 10 %, …, 90 % (the last bin holds 100 %). */
export const P_ALIVE_BOUNDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;
/** Lower bounds of the expected 1-year value bins in KRW: under 1만원, 1만~3만원, …, 100만원 and more. */
export const CLV_1Y_BOUNDS = [0, 10_000, 30_000, 50_000, 100_000, 300_000, 500_000, 1_000_000] as const;

export interface DistributionBin {
  readonly from: number;
  /** Exclusive upper bound; null for the open last bin. */
  readonly to: number | null;
  readonly count: number;
}

export interface ClvDistribution {
  readonly asOf: Date | null;
  readonly customers: number;
  readonly pAlive: readonly DistributionBin[];
  readonly clv1y: readonly DistributionBin[];
}

/** `CASE` giving the index of the bin `column` falls in (values under the first bound fall in the first). */
function binCase(column: string, bounds: readonly number[]): string {
  const whens = bounds
    .map((b, i) => ({ b, i }))
    .slice(1)
    .reverse()
    .map(({ b, i }) => `WHEN ${column} >= ${b} THEN ${i}`)
    .join(' ');
  return `CASE ${whens} ELSE 0 END`;
}

async function histogram(engine: Engine, column: string, bounds: readonly number[]): Promise<DistributionBin[]> {
  const rows = await engine.query<{ bin: number | bigint; n: number | bigint }>(
    sql(`SELECT ${binCase(column, bounds)} AS bin, COUNT(*) AS n FROM clv_scores GROUP BY bin`),
  );
  const counts = new Map(rows.map((r) => [Number(r.bin), Number(r.n)]));
  return bounds.map((from, i) => ({ from, to: bounds[i + 1] ?? null, count: counts.get(i) ?? 0 }));
}

/** Histograms of the stored CLV scores (the last refresh's `clv_scores`), counted in SQL. */
export async function clvDistribution(engine: Engine): Promise<ClvDistribution> {
  const [head] = await engine.query<{ as_of: Date | null; n: number | bigint }>(
    sql('SELECT MAX(as_of) AS as_of, COUNT(*) AS n FROM clv_scores'),
  );
  return {
    asOf: head?.as_of ?? null,
    customers: Number(head?.n ?? 0),
    pAlive: await histogram(engine, 'p_alive', P_ALIVE_BOUNDS),
    clv1y: await histogram(engine, 'clv_1y', CLV_1Y_BOUNDS),
  };
}
