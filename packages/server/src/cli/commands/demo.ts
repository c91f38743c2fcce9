import { join, resolve } from 'node:path';
import { BRAND_NAME } from '@dalbit/core/demo/catalog';
import { createDemoContext } from '@dalbit/core/demo/demo-context';
import { type DemoParams, parseDemoParams } from '@dalbit/core/demo/demo-params';
import { toKstDay } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { authOptionsFromEnv } from '../../auth/auth-options.ts';
import { ensureFirstOwner } from '../../auth/first-owner.ts';
import { loadCouponSecret } from '../../campaigns/campaign-settings.ts';
import { type DemoRunSummary, readDemoStats, runDemo } from '../../demo/run-demo.ts';
import { seedDemoCampaigns } from '../../demo/seed-campaigns.ts';
import { seedDemoReconfirmations } from '../../demo/seed-reconfirmations.ts';
import { seedRecipeSegments } from '../../demo/seed-segments.ts';
import { writeDemoFiles } from '../../demo/write-demo-files.ts';
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

const withCommonOptions = (c: Command): Command =>
  c
    .option('--customers <n>', 'number of customers (기본 50000)')
    .option('--seed <n>', 'random seed; the same seed gives byte-identical files (기본 7)')
    .option('--events-per-customer <n>', 'mean behavioural events per customer, 0 = none (기본 12)')
    .option('--as-of <date>', 'last day of the data, YYYY-MM-DD KST (기본 2026-11-15)')
    .option('--json', 'machine-readable output');

const won = (n: number): string => `${n.toLocaleString('ko-KR')}원`;
const count = (n: number): string => n.toLocaleString('ko-KR');

function renderSummary(s: DemoRunSummary, lang: 'ko' | 'en'): string[] {
  const ko = lang === 'ko';
  const lines = [
    ko
      ? `데모 브랜드 '${BRAND_NAME}': 고객 ${count(s.params.customers)}명 (seed ${s.params.seed}, ~${s.params.asOf}) → ${s.outDir}`
      : `demo brand '${BRAND_NAME}': ${count(s.params.customers)} customers (seed ${s.params.seed}, to ${s.params.asOf}) → ${s.outDir}`,
    ko
      ? `파일 ${s.files.length}개 가져옴: 행 ${count(s.rowsRead)} 읽음, ${count(s.rowsWritten)} 기록, ${count(s.rowsRejected)} 거부`
      : `${s.files.length} files imported: ${count(s.rowsRead)} rows read, ${count(s.rowsWritten)} written, ${count(s.rowsRejected)} rejected`,
    ko
      ? `통합 고객 ${count(s.customers)}명, 병합 ${count(s.merges)}건`
      : `${count(s.customers)} unified customers, ${count(s.merges)} merges`,
    ko ? '채널별 주문 / 매출 (취소·반품 제외):' : 'orders / revenue by channel (without cancelled and returned lines):',
  ];
  for (const c of s.channels)
    lines.push(`  ${c.channel.padEnd(12)} ${count(c.orders).padStart(10)}  ${won(c.revenue).padStart(18)}`);
  const total = s.generateSeconds + s.importSeconds;
  lines.push(
    ko
      ? `소요 시간 ${total.toFixed(1)}초 (생성 ${s.generateSeconds.toFixed(1)}초 + 가져오기 ${s.importSeconds.toFixed(1)}초)`
      : `took ${total.toFixed(1)} s (generate ${s.generateSeconds.toFixed(1)} s + import ${s.importSeconds.toFixed(1)} s)`,
  );
  return lines;
}

export function registerDemo(program: Command, ctx: CliContext): void {
  const demo = withServeOptions(
    withCommonOptions(program.command('demo').description(ctx.t('cli.group.demo'))).option(
      '--no-serve',
      'do not start the server and dashboard afterwards (implied by --json)',
    ),
  ).action(async (flags: DemoFlags, cmd: Command) => {
    const params = toParams(flags);
    // A script asking for --json wants the summary, not a server that runs until stopped.
    const serve =
      flags.serve !== false && !flags.json ? parseServeFlags({ port: flags.port, host: flags.host }) : undefined;
    const config = ctx.config(cmd);
    const { dataDir, lang } = config;
    const outDir = join(dataDir, 'demo-files');
    const engine = await ctx.warehouse(cmd);
    // The data ends at asOf; import "now" is never before the export moment, whatever the wall clock says.
    const now = new Date(Math.max(Date.now(), createDemoContext(params).exportedAt));
    let login: { email: string; password: string } | null = null;
    {
      const imported = await runDemo(engine, {
        params,
        outDir,
        now,
        ...(flags.json
          ? {}
          : {
              onGenerated: (m, secs) =>
                ctx.err(
                  lang === 'ko'
                    ? `파일 ${m.files.length}개 생성 (${secs.toFixed(1)}초), 가져오는 중…`
                    : `${m.files.length} files generated (${secs.toFixed(1)} s), importing…`,
                ),
              onFile: (r) => ctx.err(`  ${r.file}: ${count(r.rowsWritten)} (${r.seconds.toFixed(1)} s)`),
            }),
      });
      // Starter audiences; sender settings and three campaigns that have run, so every campaign
      // report has data (their audiences read the feature table, built first); then every derived
      // table (analytics, features, memberships) as of the day the exports were taken, after the
      // campaigns planted their result orders, so RFM, CLV and memberships include those orders.
      const seeded = await seedRecipeSegments(engine, { now, lang });
      const exportedAt = new Date(createDemoContext(params).exportedAt);
      await refreshFeatures(engine, { asOf: exportedAt });
      const campaigns = await seedDemoCampaigns(engine, { now, asOf: exportedAt, workDir: outDir });
      await seedDemoReconfirmations(engine, { asOf: exportedAt, now });
      const asOfDay = toKstDay(exportedAt);
      const refresh = await refreshWarehouse(engine, { asOfDay, clock: () => performance.now() });
      // The campaigns plant their result orders after the import: the summary's customers, orders and
      // revenue are read again so they describe the warehouse that is served (stats, reports agree).
      const summary: DemoRunSummary = { ...imported, ...(await readDemoStats(engine)) };
      login = await ensureFirstOwner(engine, now);
      if (flags.json) ctx.out(JSON.stringify({ ...summary, segmentsSeeded: seeded, refresh, campaigns, login }));
      else {
        for (const l of renderSummary(summary, lang)) ctx.out(l);
        ctx.out(lang === 'ko' ? `레시피 세그먼트 ${seeded}개 생성` : `${seeded} recipe segments created`);
        for (const st of refresh)
          ctx.out(`  ${st.ok ? '✓' : '✗'} ${st.step}: ${st.detail} (${(st.tookMs / 1000).toFixed(1)} s)`);
        for (const c of campaigns)
          ctx.out(
            lang === 'ko'
              ? `캠페인 ${c.id}: 대상 ${count(c.touches)}건 실행됨 (결과 주문 ${count(c.plantedOrders)}건 생성)`
              : `campaign ${c.id}: ${count(c.touches)} touches run (${count(c.plantedOrders)} result orders planted)`,
          );
      }
      const failed = refresh.filter((st) => !st.ok);
      if (failed.length)
        throw new CliError(
          'STEPS_FAILED',
          `refresh failed: ${failed.map((st) => `${st.step}: ${st.detail}`).join('; ')}`,
        );
    }
    if (!flags.json) ctx.out(loginLine(login, lang));
    if (serve)
      await serveUntilStopped(engine, {
        ...serve,
        lang,
        out: ctx.out,
        err: ctx.err,
        auth: authOptionsFromEnv(config.security),
        siteKeys: await loadSiteKeys(config.dataDir),
        linkSecret: await loadCouponSecret(config.dataDir, ctx.env),
      });
  });

  withCommonOptions(
    demo
      .command('generate')
      .description('only write the demo export files and manifest.json (데모 파일만 생성)')
      .option('--out <dir>', 'output directory (default <data-dir>/demo-files)'),
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
    const { lang } = ctx.config(cmd);
    ctx.out(
      lang === 'ko'
        ? `${outDir}: 파일 ${manifest.files.length}개 (${seconds.toFixed(1)}초)`
        : `${outDir}: ${manifest.files.length} files (${seconds.toFixed(1)} s)`,
    );
    for (const f of manifest.files)
      ctx.out(`  ${f.file.padEnd(30)} ${f.source.padEnd(18)} ${count(f.rows).padStart(12)}`);
  });
}
