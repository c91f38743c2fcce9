import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { explainSegment } from '@dalbit/core/segments/explain';
import { formatIssue, type SegmentIssue } from '@dalbit/core/segments/issues';
import { buildRecipe, findRecipe } from '@dalbit/core/segments/recipes/index';
import type { SegmentDefinition } from '@dalbit/core/segments/schema';
import { parseSegment } from '@dalbit/core/segments/validate';
import { kstDayStart } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import { asOfNotice, resolveAsOfDay } from '../../analytics/as-of.ts';
import type { Engine } from '../../engines/engine.ts';
import { countSegment } from '../../segments/count-segment.ts';
import { ExportError, type ExportFormat, exportSegment } from '../../segments/export-segment.ts';
import { listCurrentMembers, listSizeTrend } from '../../segments/memberships.ts';
import { refreshFeatures } from '../../segments/refresh-features.ts';
import { refreshSegments } from '../../segments/refresh-segments.ts';
import {
  createSegment,
  getSegmentOrThrow,
  getVersionOrThrow,
  listSegments,
  listVersions,
  SegmentStoreError,
  updateSegmentDefinition,
  updateSegmentHeader,
} from '../../segments/segment-store.ts';
import { type CliContext, CliError } from '../context.ts';

function issuesError(issues: readonly SegmentIssue[]): CliError {
  return new CliError(
    `세그먼트 정의 오류 / invalid segment definition:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    2,
  );
}

function readDefinition(file: string): SegmentDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(
      `파일을 읽을 수 없습니다 / cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`,
      2,
    );
  }
  const parsed = parseSegment(json);
  if (!parsed.ok) throw issuesError(parsed.issues);
  return parsed.definition;
}

/** `--as-of` instant; by default now, or 00:00 KST of the day after the data ends when that is earlier. */
async function parseAsOf(ctx: CliContext, engine: Engine, value: string | undefined): Promise<Date> {
  if (value === undefined) {
    const r = await resolveAsOfDay(engine, undefined);
    const notice = asOfNotice(r);
    if (!notice) return new Date();
    ctx.err(notice);
    return kstDayStart(r.day);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new CliError(`--as-of: 날짜/시간 형식 오류 / not a date/time: ${value}`, 2);
  return d;
}

const collect = (v: string, acc: string[]): string[] => [...acc, v];

function parseParams(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0)
      throw new CliError(`--param 은 key=value 형식이어야 합니다 / --param expects key=value, got '${p}'`, 2);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

const STORE_ERROR_KO: Record<string, string> = {
  NOT_FOUND: '세그먼트를 찾을 수 없습니다',
  CORRUPT_DEFINITION: '저장된 세그먼트 정의를 읽을 수 없습니다',
  INVALID_DEFINITION: '세그먼트 정의 오류',
};
const EXPORT_ERROR_KO: Record<string, string> = {
  REASON_REQUIRED: '마스킹 해제 내보내기(및 카카오 친구 그룹 파일)에는 --reason "사유" 가 필요합니다',
  UNKNOWN_COLUMN: '알 수 없는 열',
};

/** Store errors are user errors at the CLI edge. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SegmentStoreError)
      throw e.issues.length
        ? issuesError(e.issues)
        : new CliError(`${STORE_ERROR_KO[e.code] ?? '세그먼트 오류'} / ${e.message}`, e.code === 'NOT_FOUND' ? 3 : 2);
    if (e instanceof ExportError) throw new CliError(`${EXPORT_ERROR_KO[e.code] ?? '내보내기 오류'} / ${e.message}`, 2);
    throw e;
  }
}

export function registerSegment(program: Command, ctx: CliContext): void {
  const seg = program.command('segment').description('segments: explain, count, create, refresh, export');
  const lang = (cmd: Command, o: { lang?: string }): 'ko' | 'en' =>
    o.lang === 'en' || o.lang === 'ko' ? o.lang : ctx.config(cmd).lang;

  seg
    .command('explain <file>')
    .description('read a segment definition (JSON) back in words')
    .option('--lang <lang>', 'ko|en')
    .action((file: string, o: { lang?: string }, cmd: Command) => {
      ctx.out(explainSegment(readDefinition(file), lang(cmd, o)));
    });

  seg
    .command('count <file>')
    .description('live size of a segment definition (JSON)')
    .option(
      '--as-of <iso>',
      'evaluate as of this instant (default: now, or the day after the data ends when that is earlier)',
    )
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { asOf?: string; json?: boolean }, cmd: Command) => {
      const def = readDefinition(file);
      const engine = await ctx.warehouse(cmd);
      const r = await countSegment(engine, def, { asOf: await parseAsOf(ctx, engine, o.asOf) });
      if (!r.ok) throw issuesError(r.issues);
      ctx.out(
        o.json
          ? JSON.stringify({ count: r.count, tookMs: Math.round(r.tookMs * 10) / 10 })
          : `${r.count.toLocaleString('en-US')}명 (${r.tookMs.toFixed(1)} ms)`,
      );
    });

  seg
    .command('create')
    .description('store a segment from --file def.json or --recipe NAME --param k=v …')
    .option('--file <file>', 'definition JSON')
    .option('--recipe <name>', "recipe name (see 'dalbit recipes list')")
    .option('--param <k=v>', 'recipe parameter (repeatable)', collect, [])
    .option('--name <name>', 'segment name (default: the recipe title or the file name)')
    .option('--description <text>', 'description')
    .option('--pin', 'pin it to the top of the list')
    .option('--json', 'machine-readable output')
    .action(
      async (
        o: {
          file?: string;
          recipe?: string;
          param: string[];
          name?: string;
          description?: string;
          pin?: boolean;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        if ((o.file === undefined) === (o.recipe === undefined))
          throw new CliError('--file 과 --recipe 중 하나만 지정하세요 / give exactly one of --file or --recipe', 2);
        let definition: SegmentDefinition;
        let name = o.name;
        if (o.recipe !== undefined) {
          const built = buildRecipe(o.recipe, parseParams(o.param));
          if (!built.ok) throw issuesError(built.issues);
          definition = built.definition;
          name ??= findRecipe(o.recipe)?.title[ctx.config(cmd).lang];
        } else {
          definition = readDefinition(o.file ?? '');
          name ??= o.file;
        }
        const engine = await ctx.warehouse(cmd);
        const h = await guarded(() =>
          createSegment(engine, {
            name: name ?? 'segment',
            definition,
            now: new Date(),
            ...(o.description === undefined ? {} : { description: o.description }),
            ...(o.recipe === undefined ? {} : { recipe: o.recipe }),
            ...(o.pin ? { pinned: true } : {}),
          }),
        );
        ctx.out(
          o.json
            ? JSON.stringify(h)
            : `created ${h.segmentId} "${h.name}" v${h.currentVersion}: ${explainSegment(definition, ctx.config(cmd).lang)}`,
        );
      },
    );

  seg
    .command('edit <id>')
    .description('save a new version of a segment (old versions stay readable)')
    .requiredOption('--file <file>', 'definition JSON')
    .option('--note <text>', 'what changed')
    .action(async (id: string, o: { file: string; note?: string }, cmd: Command) => {
      const definition = readDefinition(o.file);
      const engine = await ctx.warehouse(cmd);
      const h = await guarded(() =>
        updateSegmentDefinition(engine, {
          segmentId: id,
          definition,
          now: new Date(),
          ...(o.note === undefined ? {} : { note: o.note }),
        }),
      );
      ctx.out(`${h.segmentId} is now v${h.currentVersion}`);
    });

  seg
    .command('pin <id>')
    .description('pin a segment (or unpin with --off)')
    .option('--off', 'unpin')
    .action(async (id: string, o: { off?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const h = await guarded(() => updateSegmentHeader(engine, { segmentId: id, pinned: !o.off, now: new Date() }));
      ctx.out(`${h.segmentId} ${h.pinned ? 'pinned' : 'unpinned'}`);
    });

  seg
    .command('list')
    .description('stored segments (pinned first) with their last size')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const rows = [];
      for (const h of await listSegments(engine)) {
        const trend = await listSizeTrend(engine, h.segmentId);
        const last = trend.at(-1);
        rows.push({ ...h, size: last?.size ?? null, refreshedAt: last?.asOf ?? null });
      }
      if (o.json) return ctx.out(JSON.stringify(rows));
      if (!rows.length) return ctx.out('no segments yet (dalbit segment create …)');
      for (const r of rows) {
        ctx.out(
          `${r.pinned ? '📌 ' : '   '}${r.segmentId}  v${r.currentVersion}  ${r.status}  ${r.size === null ? '-' : r.size.toLocaleString('en-US')}  ${r.name}`,
        );
      }
    });

  seg
    .command('show <id>')
    .description('definition, versions and size trend of a segment')
    .option('--version <n>', 'show this version', (v) => Number.parseInt(v, 10))
    .option('--lang <lang>', 'ko|en')
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: { version?: number; lang?: string; json?: boolean }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const header = await guarded(() => getSegmentOrThrow(engine, id));
      const v = await guarded(() => getVersionOrThrow(engine, id, o.version));
      const versions = await listVersions(engine, id);
      const trend = await listSizeTrend(engine, id);
      if (o.json)
        return ctx.out(
          JSON.stringify({
            header,
            version: v,
            versions: versions.map((x) => ({ version: x.version, createdAt: x.createdAt, note: x.note })),
            trend,
          }),
        );
      const l = lang(cmd, o);
      ctx.out(
        `${header.segmentId} "${header.name}"${header.pinned ? ' 📌' : ''} — v${v.version} of ${versions.length}${header.recipe ? ` (recipe ${header.recipe})` : ''}`,
      );
      ctx.out(`  ${explainSegment(v.definition, l)}`);
      ctx.out(`  ${JSON.stringify(v.definition.root)}`);
      ctx.out(
        l === 'ko' ? '  크기 추이 (기준 시각, 크기, 진입, 이탈):' : '  size trend (as of, size, entered, exited):',
      );
      for (const p of trend)
        ctx.out(`    ${p.asOf.toISOString()}  ${p.size}  +${p.entered}  -${p.exited}  (v${p.version})`);
      if (!trend.length) ctx.out('    -');
    });

  seg
    .command('refresh [id]')
    .description('refresh customer features, then the members of every active segment (or one)')
    .option(
      '--as-of <iso>',
      'refresh as of this instant (default: now, or the day after the data ends when that is earlier)',
    )
    .option('--skip-features', 'do not rebuild customer_features first')
    .option('--json', 'machine-readable output')
    .action(
      async (id: string | undefined, o: { asOf?: string; skipFeatures?: boolean; json?: boolean }, cmd: Command) => {
        const engine = await ctx.warehouse(cmd);
        const asOf = await parseAsOf(ctx, engine, o.asOf);
        const features = o.skipFeatures ? undefined : await refreshFeatures(engine, { asOf });
        if (id !== undefined) await guarded(() => getSegmentOrThrow(engine, id));
        const r = await refreshSegments(engine, { asOf, ...(id === undefined ? {} : { segmentIds: [id] }) });
        if (o.json) return ctx.out(JSON.stringify({ features, ...r }));
        if (features) ctx.out(`features: ${features.customers} customers (${features.tookMs} ms)`);
        for (const s of r.refreshed)
          ctx.out(`${s.segmentId} v${s.version}: ${s.size} (+${s.entered} -${s.exited}) ${s.tookMs} ms`);
        for (const s of r.skipped) ctx.err(`skipped ${s.segmentId}: ${s.reason}`);
        ctx.out(`${r.refreshed.length} segments in ${r.tookMs} ms`);
      },
    );

  seg
    .command('members <id>')
    .description('current member ids of a stored segment (as of its last refresh)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      await guarded(() => getSegmentOrThrow(engine, id));
      for (const m of await listCurrentMembers(engine, id)) ctx.out(m);
    });

  seg
    .command('export <id>')
    .description('write members to csv/xlsx (masked unless --unmask --reason) or a Kakao friend-group phone list')
    .option('--format <format>', 'csv | xlsx | kakao-friends', 'csv')
    .option(
      '--columns <list>',
      'comma-separated: customer_id,name,phone,email,gender,grade,birth_year,order_count,order_sum,last_order_at',
    )
    .option('--unmask', 'include personal data unmasked (needs --reason)')
    .option('--reason <text>', 'why unmasked data is needed (written to the access log)')
    .option('--actor <name>', 'who exports (default: the OS user)')
    .option('--out <file>', 'output file (default: <id>.<ext>)')
    .action(
      async (
        id: string,
        o: { format: string; columns?: string; unmask?: boolean; reason?: string; actor?: string; out?: string },
        cmd: Command,
      ) => {
        if (!['csv', 'xlsx', 'kakao-friends'].includes(o.format))
          throw new CliError(
            '--format 은 csv, xlsx, kakao-friends 중 하나입니다 / --format must be csv, xlsx or kakao-friends',
            2,
          );
        const format = o.format as ExportFormat;
        const out = o.out ?? `${id}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
        const engine = await ctx.warehouse(cmd);
        const r = await guarded(() =>
          exportSegment(engine, {
            segmentId: id,
            format,
            out,
            actor: o.actor ?? `cli:${userInfo().username}`,
            origin: 'cli',
            now: new Date(),
            ...(o.columns === undefined
              ? {}
              : {
                  columns: o.columns
                    .split(',')
                    .map((c) => c.trim())
                    .filter(Boolean),
                }),
            ...(o.unmask ? { unmask: true } : {}),
            ...(o.reason === undefined ? {} : { reason: o.reason }),
          }).catch((e: unknown) => {
            // The file system refused the output (missing folder, no permission …): a user error.
            if (e instanceof Error && 'syscall' in e)
              throw new CliError(
                `파일을 쓸 수 없습니다 / cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? e.message}`,
                2,
              );
            throw e;
          }),
        );
        ctx.out(`${r.rows} rows → ${r.path}${r.masked ? ' (masked)' : ' (UNMASKED, access-logged)'}`);
      },
    );
}
