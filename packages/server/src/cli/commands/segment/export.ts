import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { type ExportFormat, exportSegment } from '../../../segments/export-segment.ts';
import { type CliContext, CliError } from '../../context.ts';
import { fileWriteError, isFileSystemError } from '../../file-errors.ts';

interface ExportFlags {
  format: string;
  columns?: string;
  unmask?: boolean;
  reason?: string;
  actor?: string;
  out?: string;
}

const FORMATS = ['csv', 'xlsx', 'kakao-friends'] as const;
const COLUMNS = 'customer_id,name,phone,email,gender,grade,birth_year,order_count,order_sum,last_order_at';

const isFormat = (v: string): v is ExportFormat => (FORMATS as readonly string[]).includes(v);

export function registerSegmentExport(seg: Command, ctx: CliContext): void {
  seg
    .command('export <id>')
    .description(ctx.t('cli.segment.export'))
    .option('--format <format>', ctx.t('cli.segment.opt.format'), 'csv')
    .option('--columns <list>', ctx.t('cli.segment.opt.columns', { columns: COLUMNS }))
    .option('--unmask', ctx.t('cli.segment.opt.unmask'))
    .option('--reason <text>', ctx.t('cli.segment.opt.reason'))
    .option('--actor <name>', ctx.t('cli.segment.opt.actor'))
    .option('--out <file>', ctx.t('cli.segment.opt.out'))
    .action(async (id: string, o: ExportFlags, cmd: Command) => {
      const format = o.format;
      if (!isFormat(format))
        throw new CliError('BAD_FLAG', ctx.t('cli.error.choice', { flag: '--format', choices: FORMATS.join(', ') }));
      const out = o.out ?? `${id}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
      const columns = o.columns
        ?.split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const engine = await ctx.warehouse(cmd);
      const r = await exportSegment(engine, {
        segmentId: id,
        format,
        out,
        actor: o.actor ?? `cli:${userInfo().username}`,
        origin: 'cli',
        now: new Date(),
        ...(columns === undefined ? {} : { columns }),
        ...(o.unmask ? { unmask: true } : {}),
        ...(o.reason === undefined ? {} : { reason: o.reason }),
      }).catch((e: unknown) => {
        throw isFileSystemError(e) ? fileWriteError(ctx, out, e) : e;
      });
      const how = ctx.t(r.masked ? 'cli.segment.masked' : 'cli.segment.unmasked');
      ctx.out(ctx.t('cli.segment.exported', { rows: r.rows, path: r.path, how }));
    });
}
