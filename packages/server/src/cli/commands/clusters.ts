import { CLUSTER_FEATURES } from '@dalbit/core/analytics/clusters/cluster-features';
import { K_RANGE } from '@dalbit/core/analytics/clusters/discover-segments';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOptions } from '../../analytics/basket/cli-options.ts';
import { saveClusterAsSegment } from '../../analytics/clusters/save-cluster-segment.ts';
import { type ClusterRun, runWarehouseClusters } from '../../analytics/clusters/warehouse-clusters.ts';
import { cliAsOfDay } from '../as-of-flag.ts';
import { type CliContext, CliError } from '../context.ts';

const RunOptions = z.object({
  k: z.coerce.number().int().min(2).max(20).optional(),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  asOf: z.string().optional(),
  json: z.boolean().optional(),
});
const SaveOptions = z.object({ name: z.string().min(1).max(200).optional(), json: z.boolean().optional() });

export function registerClusters(program: Command, ctx: CliContext): void {
  const clusters = program.command('clusters').description(ctx.t('cli.group.clusters'));
  clusters
    .command('run', { isDefault: true })
    .description('clusters every buyer, names each cluster, and stores the run (default subcommand)')
    .option(
      '--k <k>',
      `number of clusters (default: best silhouette for k in ${K_RANGE[0]}..${K_RANGE[K_RANGE.length - 1]})`,
    )
    .option('--seed <s>', 'random seed (default 42); the same seed and data give the same clusters')
    .option(
      '--as-of <date>',
      'orders before 00:00 KST of this date count (default: today, or the day after the data ends when that is earlier)',
    )
    .option('--json', 'machine-readable output')
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(RunOptions, raw);
      const engine = await ctx.warehouse(cmd);
      const asOfDay = await cliAsOfDay(ctx, engine, o.asOf);
      const run = await runWarehouseClusters(engine, {
        asOfDay,
        seed: o.seed ?? 42,
        ...(o.k === undefined ? {} : { k: o.k }),
        now: new Date(),
      });
      const { assignments, ...summary } = run;
      if (o.json) ctx.out(JSON.stringify({ ...summary, customers: assignments.length }, null, 2));
      else printRun(ctx, run, ctx.config(cmd).lang);
    });
  clusters
    .command('save <run> <cluster>')
    .description('saves one cluster of a run as a segment (a snapshot of its members)')
    .option('--name <name>', 'segment name (default: the cluster label)')
    .option('--json', 'machine-readable output')
    .action(async (runId: string, clusterArg: string, raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(SaveOptions, raw);
      const cluster = Number(clusterArg);
      if (!Number.isInteger(cluster) || cluster < 1)
        throw new CliError('BAD_FLAG', `<cluster>: 1 이상의 정수 / expected a cluster number ≥ 1, got '${clusterArg}'`);
      const engine = await ctx.warehouse(cmd);
      const lang = ctx.config(cmd).lang;
      const r = await saveClusterAsSegment(engine, {
        runId,
        cluster,
        lang,
        now: new Date(),
        ...(o.name === undefined ? {} : { name: o.name }),
      });
      if (o.json)
        ctx.out(
          JSON.stringify(
            { segmentId: r.segment.segmentId, name: r.segment.name, members: r.members, membershipKey: r.key },
            null,
            2,
          ),
        );
      else
        ctx.out(
          lang === 'ko'
            ? `세그먼트 저장: ${r.segment.segmentId} '${r.segment.name}' (고객 ${r.members}명)`
            : `segment saved: ${r.segment.segmentId} '${r.segment.name}' (${r.members} customers)`,
        );
    });
}

function printRun(ctx: CliContext, run: ClusterRun, lang: 'ko' | 'en'): void {
  const ko = lang === 'ko';
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const won = (x: number): string => Math.round(x).toLocaleString('en-US');
  const label = new Map(CLUSTER_FEATURES.map((f) => [f.key, f.label[lang]]));
  const fmt = (x: number): string => (Math.abs(x) >= 100 ? won(x) : x.toFixed(2));
  ctx.out(
    ko
      ? `자동 세그먼트 ${run.runId}: 구매 고객 ${run.assignments.length}명, k=${run.k} (${run.criterion === 'silhouette' ? `실루엣 최대, 표본 ${run.sampleSize}명` : '지정'}), 실루엣 ${run.silhouette.toFixed(3)}, seed ${run.seed}`
      : `auto segments ${run.runId}: ${run.assignments.length} buyers, k=${run.k} (${run.criterion === 'silhouette' ? `best silhouette, sample ${run.sampleSize}` : 'given'}), silhouette ${run.silhouette.toFixed(3)}, seed ${run.seed}`,
  );
  if (run.criterion === 'silhouette')
    ctx.out(
      `${ko ? '실루엣' : 'silhouette'}: ${run.silhouetteByK.map((s) => `k=${s.k} ${s.silhouette.toFixed(3)}`).join(', ')}`,
    );
  for (const c of run.clusters) {
    ctx.out('');
    ctx.out(`#${c.cluster} ${c.label[lang]}`);
    ctx.out(
      ko
        ? `  고객 ${c.size}명 (${pct(c.share)}) · 매출 ${won(c.revenue)}원 (${pct(c.revenueShare)})`
        : `  ${c.size} customers (${pct(c.share)}) · revenue ${won(c.revenue)} KRW (${pct(c.revenueShare)})`,
    );
    for (const x of c.contrasts.slice(0, 3))
      ctx.out(
        `  ${x.d > 0 ? '▲' : '▼'} ${label.get(x.feature)}: ${fmt(x.mean)} ${ko ? 'vs 나머지' : 'vs rest'} ${fmt(x.restMean)} (d=${x.d.toFixed(2)})`,
      );
  }
  ctx.out('');
  ctx.out(
    ko
      ? `세그먼트로 저장: dalbit clusters save ${run.runId} <번호>`
      : `save as a segment: dalbit clusters save ${run.runId} <number>`,
  );
}
