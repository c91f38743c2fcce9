import { CLUSTER_FEATURES } from '@dalbit/core/analytics/clusters/cluster-features';
import { K_RANGE } from '@dalbit/core/analytics/clusters/discover-segments';
import type { Lang } from '@dalbit/core/i18n/lang';
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
  const t = ctx.t;
  clusters
    .command('run', { isDefault: true })
    .description(t('cli.clusters.run'))
    .option('--k <k>', t('cli.clusters.opt.k', { from: K_RANGE[0] ?? 2, to: K_RANGE[K_RANGE.length - 1] ?? 2 }))
    .option('--seed <s>', t('cli.clusters.opt.seed'))
    .option('--as-of <date>', t('cli.option.asOfDay'))
    .option('--json', t('cli.option.json'))
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(RunOptions, raw, t);
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
    .description(t('cli.clusters.save'))
    .option('--name <name>', t('cli.clusters.opt.name'))
    .option('--json', t('cli.option.json'))
    .action(async (runId: string, clusterArg: string, raw: Record<string, unknown>, cmd: Command) => {
      const o = parseOptions(SaveOptions, raw, t);
      const cluster = Number(clusterArg);
      if (!Number.isInteger(cluster) || cluster < 1)
        throw new CliError('BAD_FLAG', t('cli.clusters.badNumber', { value: clusterArg }));
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
      else ctx.out(t('cli.clusters.saved', { id: r.segment.segmentId, name: r.segment.name, members: r.members }));
    });
}

function printRun(ctx: CliContext, run: ClusterRun, lang: Lang): void {
  const t = ctx.t;
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const won = (x: number): string => Math.round(x).toLocaleString('en-US');
  const label = new Map(CLUSTER_FEATURES.map((f) => [f.key, f.label[lang]]));
  const fmt = (x: number): string => (Math.abs(x) >= 100 ? won(x) : x.toFixed(2));
  const how =
    run.criterion === 'silhouette'
      ? t('cli.clusters.bestSilhouette', { sample: run.sampleSize })
      : t('cli.clusters.given');
  ctx.out(
    t('cli.clusters.head', {
      runId: run.runId,
      buyers: run.assignments.length,
      k: run.k,
      how,
      silhouette: run.silhouette.toFixed(3),
      seed: run.seed,
    }),
  );
  if (run.criterion === 'silhouette')
    ctx.out(
      `${t('cli.clusters.silhouette')}: ${run.silhouetteByK.map((s) => `k=${s.k} ${s.silhouette.toFixed(3)}`).join(', ')}`,
    );
  for (const c of run.clusters) {
    ctx.out('');
    ctx.out(`#${c.cluster} ${c.label[lang]}`);
    const size = { size: c.size, share: pct(c.share), revenue: won(c.revenue), revenueShare: pct(c.revenueShare) };
    ctx.out(`  ${t('cli.clusters.size', size)}`);
    for (const x of c.contrasts.slice(0, 3))
      ctx.out(
        `  ${x.d > 0 ? '▲' : '▼'} ${label.get(x.feature)}: ${fmt(x.mean)} ${t('cli.clusters.vsRest')} ${fmt(x.restMean)} (d=${x.d.toFixed(2)})`,
      );
  }
  ctx.out('');
  ctx.out(t('cli.clusters.saveHint', { runId: run.runId }));
}
