import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import type { Command } from 'commander';
import type { CopyEvent } from '../../engines/clickhouse/copy-warehouse.ts';
import type { Engine } from '../../engines/engine.ts';
import { type CliContext, CliError, lockedError } from '../context.ts';

interface MigrateOptions {
  to: string;
  chdbDir?: string;
}

/** The DuckDB warehouse of the data directory, brought to the current schema (it is only read). */
async function openSource(dataDir: string, ctx: CliContext): Promise<Engine> {
  const path = join(dataDir, 'dalbit.duckdb');
  if (!existsSync(path))
    throw new DalbitError({
      code: 'MIGRATE_NO_SOURCE',
      kind: 'not_found',
      message: ctx.t('migrate.noSource', { path }),
    });
  const { DuckDbEngine } = await import('../../engines/duckdb/engine.ts');
  const { migrate } = await import('../../engines/migrate.ts');
  const source = await DuckDbEngine.open(path).catch((e: unknown) => {
    throw lockedError(e, dataDir, ctx.t) ?? e;
  });
  await migrate(source);
  return source;
}

/** The ClickHouse server of DALBIT_CLICKHOUSE_URL, else chDB in `--chdb-dir` (default <data-dir>/chdb). */
async function openTarget(
  cmd: Command,
  opts: MigrateOptions,
  ctx: CliContext,
): Promise<{ engine: Engine; name: string; kind: string }> {
  const c = ctx.config(cmd);
  const { migrate } = await import('../../engines/migrate.ts');
  if (c.clickhouse && !opts.chdbDir) {
    const { ClickHouseServerEngine } = await import('../../engines/clickhouse/server-engine.ts');
    const { redactUrl } = await import('../../engines/clickhouse/server-errors.ts');
    const engine = await ClickHouseServerEngine.open(c.clickhouse);
    await migrate(engine);
    return { engine, name: redactUrl(c.clickhouse.url), kind: 'clickhouse' };
  }
  const dir = resolve(opts.chdbDir ?? join(c.dataDir, 'chdb'));
  const { ChdbEngine } = await import('../../engines/clickhouse/chdb-engine.ts');
  const engine = await ChdbEngine.open(dir);
  await migrate(engine);
  return { engine, name: `chDB ${dir}`, kind: 'chdb' };
}

function report(ctx: CliContext): (e: CopyEvent) => void {
  const n = (x: number) => x.toLocaleString('ko-KR');
  return (e) => {
    if (e.kind === 'progress') ctx.err(ctx.t('migrate.progress', { table: e.table, done: n(e.done), rows: n(e.rows) }));
    else
      ctx.out(
        ctx.t(e.fingerprint.rows === 0 ? 'migrate.tableEmpty' : e.skipped ? 'migrate.tableSkipped' : 'migrate.table', {
          index: e.index,
          total: e.total,
          table: e.table,
          rows: n(e.fingerprint.rows),
          checksum: e.fingerprint.checksum,
        }),
      );
  };
}

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description(ctx.t('cli.group.migrate'))
    .requiredOption('--to <engine>', ctx.t('migrate.optTo'))
    .option('--chdb-dir <dir>', ctx.t('migrate.optChdb'))
    .action(async (opts: MigrateOptions, cmd: Command) => {
      if (opts.to !== 'clickhouse') throw new CliError('BAD_FLAG', ctx.t('migrate.badTarget', { value: opts.to }));
      const dataDir = ctx.config(cmd).dataDir;
      const source = await openSource(dataDir, ctx);
      try {
        const target = await openTarget(cmd, opts, ctx);
        try {
          const { copyWarehouse, copiedTables } = await import('../../engines/clickhouse/copy-warehouse.ts');
          const tables = copiedTables().length;
          ctx.out(ctx.t('migrate.start', { source: join(dataDir, 'dalbit.duckdb'), target: target.name, tables }));
          const done = await copyWarehouse(source, target.engine, report(ctx));
          ctx.out(
            ctx.t('migrate.done', {
              tables: done.tables,
              rows: done.rows.toLocaleString('ko-KR'),
              engine: target.kind,
            }),
          );
        } finally {
          await target.engine.close();
        }
      } finally {
        await source.close();
      }
    });
}
