import { join, resolve } from 'node:path';
import { BRAND_NAME } from '@dalbit/core/demo/catalog';
import { createDemoContext } from '@dalbit/core/demo/demo-context';
import { type DemoParams, parseDemoParams } from '@dalbit/core/demo/demo-params';
import type { Lang } from '@dalbit/core/i18n/lang';
import { toKstDay } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { authOptionsFromEnv } from '../../auth/auth-options.ts';
import { ensureFirstOwner } from '../../auth/first-owner.ts';
import { loadCouponSecret } from '../../campaigns/campaign-settings.ts';
import type { Config } from '../../config.ts';
import { connectorDepsFor } from '../../connectors/connector-deps.ts';
import { type DemoShops, demoConnectorsRuntime, startDemoShops } from '../../connectors/demo-shops.ts';
import { type DemoRunSummary, readDemoStats, runDemo } from '../../demo/run-demo.ts';
import { seedDemoCampaigns } from '../../demo/seed-campaigns.ts';
import { seedDemoReconfirmations } from '../../demo/seed-reconfirmations.ts';
import { seedRecipeSegments } from '../../demo/seed-segments.ts';
import { writeDemoFiles } from '../../demo/write-demo-files.ts';
import { parseChannelConfig } from '../../dispatch/channel-config.ts';
import type { Engine } from '../../engines/engine.ts';
import { serveUntilStopped } from '../../http/serve-until-stopped.ts';
import { refreshWarehouse } from '../../jobs/refresh-warehouse.ts';
import { refreshFeatures } from '../../segments/refresh-features.ts';
import { loadSiteKeys } from '../../tracker/site-keys.ts';
import { type CliContext, CliError } from '../context.ts';
import { parseServeFlags, withServeOptions } from './serve.ts';
import { loginLine } from './users.ts';

interface DemoFlags {
  customers?: string;
  seed?: string;
  eventsPerCustomer?: string;
  asOf?: string;
  out?: string;
  json?: boolean;
  serve?: boolean;
  port?: string;
  host?: string;
  connectors?: boolean;
}

function toParams(flags: DemoFlags): DemoParams {
  const n = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
  const parsed = parseDemoParams({
    ...(flags.customers !== undefined ? { customers: n(flags.customers) } : {}),
    ...(flags.seed !== undefined ? { seed: n(flags.seed) } : {}),
    ...(flags.eventsPerCustomer !== undefined ? { eventsPerCustomer: n(flags.eventsPerCustomer) } : {}),
    ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
  });
  if (!parsed.ok)
    throw new CliError('BAD_FLAG', parsed.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('\n'));
  return parsed.params;
}

const withCommonOptions = (c: Command, t: CliContext['t']): Command =>
  c
    .option('--customers <n>', t('cli.demo.opt.customers'))
    .option('--seed <n>', t('cli.demo.opt.seed'))
    .option('--events-per-customer <n>', t('cli.demo.opt.events'))
    .option('--as-of <date>', t('cli.demo.opt.asOf'))
    .option('--json', t('cli.option.json'));

const won = (n: number, t: CliContext['t']): string => t('cli.won', { amount: n.toLocaleString('ko-KR') });
const count = (n: number): string => n.toLocaleString('ko-KR');

function renderSummary(s: DemoRunSummary, t: CliContext['t']): string[] {
  const p = s.params;
  const lines = [
    t('cli.demo.brand', {
      brand: BRAND_NAME,
      customers: count(p.customers),
      seed: p.seed,
      asOf: p.asOf,
      outDir: s.outDir,
    }),
    t('cli.demo.imported', {
      files: s.files.length,
      read: count(s.rowsRead),
      written: count(s.rowsWritten),
      rejected: count(s.rowsRejected),
    }),
    t('cli.demo.customers', { customers: count(s.customers), merges: count(s.merges) }),
    t('cli.demo.byChannel'),
  ];
  for (const c of s.channels)
    lines.push(`  ${c.channel.padEnd(12)} ${count(c.orders).padStart(10)}  ${won(c.revenue, t).padStart(18)}`);
  const total = s.generateSeconds + s.importSeconds;
  lines.push(
    t('cli.demo.took', {
      total: total.toFixed(1),
      generate: s.generateSeconds.toFixed(1),
      import: s.importSeconds.toFixed(1),
    }),
  );
  return lines;
}

/**
 * Generates and imports the demo files, then seeds starter audiences, sender settings and three
 * campaigns that have run, so every campaign report has data (their audiences read the feature
 * table, built first); then every derived table (analytics, features, memberships) as of the day the
 * exports were taken, after the campaigns planted their result orders, so RFM, CLV and memberships
 * include those orders. Returns the first owner's login (null when an owner exists already).
 */
async function loadDemo(
  ctx: CliContext,
  engine: Engine,
  o: { params: DemoParams; outDir: string; json: boolean; lang: Lang },
): Promise<{ email: string; password: string } | null> {
  const t = ctx.t;
  const { params, outDir, lang } = o;
  // The data ends at asOf; import "now" is never before the export moment, whatever the wall clock says.
  const exportedAt = new Date(createDemoContext(params).exportedAt);
  const now = new Date(Math.max(Date.now(), exportedAt.getTime()));
  const progress = {
    onGenerated: (m: { files: readonly unknown[] }, secs: number) =>
      ctx.err(t('cli.demo.generated', { files: m.files.length, seconds: secs.toFixed(1) })),
    onFile: (r: { file: string; rowsWritten: number; seconds: number }) =>
      ctx.err(`  ${r.file}: ${count(r.rowsWritten)} (${r.seconds.toFixed(1)} s)`),
  };
  const imported = await runDemo(engine, { params, outDir, now, ...(o.json ? {} : progress) });
  const seeded = await seedRecipeSegments(engine, { now, lang });
  await refreshFeatures(engine, { asOf: exportedAt });
  const campaigns = await seedDemoCampaigns(engine, { now, asOf: exportedAt, workDir: outDir });
  await seedDemoReconfirmations(engine, { asOf: exportedAt, now });
  const refresh = await refreshWarehouse(engine, { asOfDay: toKstDay(exportedAt), clock: () => performance.now() });
  // The campaigns plant their result orders after the import: the summary's customers, orders and
  // revenue are read again so they describe the warehouse that is served (stats, reports agree).
  const summary: DemoRunSummary = { ...imported, ...(await readDemoStats(engine)) };
  const login = await ensureFirstOwner(engine, now);
  if (o.json) ctx.out(JSON.stringify({ ...summary, segmentsSeeded: seeded, refresh, campaigns, login }));
  else {
    for (const l of renderSummary(summary, t)) ctx.out(l);
    ctx.out(t('cli.demo.segments', { count: seeded }));
    for (const st of refresh)
      ctx.out(`  ${st.ok ? '✓' : '✗'} ${st.step}: ${st.detail} (${(st.tookMs / 1000).toFixed(1)} s)`);
    for (const c of campaigns)
      ctx.out(t('cli.demo.campaign', { id: c.id, touches: count(c.touches), orders: count(c.plantedOrders) }));
  }
  const failed = refresh.filter((st) => !st.ok);
  if (failed.length)
    throw new CliError(
      'STEPS_FAILED',
      t('cli.demo.refreshFailed', { steps: failed.map((st) => `${st.step}: ${st.detail}`).join('; ') }),
    );
  return login;
}

/**
 * After the import: the local shops when `--connectors` asks (connected and synced once, then
 * synced by the connector loop while serving), then the server until stopped. The connections
 * page works in every demo (the sealing key of the data directory).
 */
async function shopsAndServe(
  engine: Engine,
  ctx: CliContext,
  o: { flags: DemoFlags; serve: ReturnType<typeof parseServeFlags> | undefined; config: Config },
): Promise<void> {
  const { flags, serve, config } = o;
  const { dataDir, lang } = config;
  const connectors = await connectorDepsFor(dataDir, ctx.env);
  let shops: DemoShops | undefined;
  if (flags.connectors) {
    const origin = serve ? `http://${serve.host}:${serve.port}` : 'http://127.0.0.1:8787';
    shops = await startDemoShops(engine, { ...connectors, lang, serverOrigin: origin });
    for (const l of [...shops.lines, ...(serve ? [shops.live] : [])]) (flags.json ? ctx.err : ctx.out)(l);
  }
  try {
    if (serve)
      await serveUntilStopped(engine, {
        ...serve,
        lang,
        out: ctx.out,
        err: ctx.err,
        auth: authOptionsFromEnv(config.security),
        siteKeys: await loadSiteKeys(dataDir),
        linkSecret: await loadCouponSecret(dataDir, ctx.env),
        connectors,
        channels: parseChannelConfig(ctx.env),
        ...(shops
          ? { background: await demoConnectorsRuntime(engine, { ...connectors, dataDir, lang, log: ctx.err }) }
          : {}),
      });
  } finally {
    await shops?.close();
  }
}

export function registerDemo(program: Command, ctx: CliContext): void {
  const t = ctx.t;
  const demo = withServeOptions(
    withCommonOptions(program.command('demo').description(t('cli.group.demo')), t)
      .option('--no-serve', t('cli.demo.opt.noServe'))
      .option('--connectors', t('connectors.demo.opt')),
    t,
  ).action(async (flags: DemoFlags, cmd: Command) => {
    const params = toParams(flags);
    // A script asking for --json wants the summary, not a server that runs until stopped.
    const serve =
      flags.serve !== false && !flags.json ? parseServeFlags({ port: flags.port, host: flags.host }) : undefined;
    const config = ctx.config(cmd);
    const { dataDir, lang } = config;
    const engine = await ctx.warehouse(cmd, { create: true });
    const outDir = join(dataDir, 'demo-files');
    const login = await loadDemo(ctx, engine, { params, outDir, json: flags.json === true, lang });
    if (!flags.json) ctx.out(loginLine(login, lang));
    await shopsAndServe(engine, ctx, { flags, serve, config });
  });
  registerDemoGenerate(demo, ctx);
}

function registerDemoGenerate(demo: Command, ctx: CliContext): void {
  withCommonOptions(
    demo.command('generate').description(ctx.t('cli.demo.generate')).option('--out <dir>', ctx.t('cli.demo.opt.out')),
    ctx.t,
  ).action((own: DemoFlags, cmd: Command) => {
    // Options shared with `demo` may be parsed by the parent command; take them from both.
    const flags: DemoFlags = { ...cmd.parent?.opts<DemoFlags>(), ...own };
    const params = toParams(flags);
    const outDir = flags.out !== undefined ? resolve(flags.out) : join(ctx.config(cmd).dataDir, 'demo-files');
    const t0 = performance.now();
    const manifest = writeDemoFiles({ params, outDir });
    const seconds = (performance.now() - t0) / 1000;
    if (flags.json) {
      ctx.out(JSON.stringify({ outDir, seconds, files: manifest.files, truth: manifest.truth }));
      return;
    }
    ctx.out(ctx.t('cli.demo.files', { outDir, files: manifest.files.length, seconds: seconds.toFixed(1) }));
    for (const f of manifest.files)
      ctx.out(`  ${f.file.padEnd(30)} ${f.source.padEnd(18)} ${count(f.rows).padStart(12)}`);
  });
}
