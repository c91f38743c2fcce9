import { existsSync } from 'node:fs';
import { isSourceKind, SOURCE_KINDS } from '@dalbit/core/ingest/source-kind';
import { type Command, CommanderError } from 'commander';
import type { Engine } from '../../engines/engine.ts';
import { importFile } from '../../importers/import-file.ts';
import type { ImportSummary } from '../../importers/import-summary.ts';
import {
  renderDetection,
  renderDryRun,
  renderIssues,
  renderProgress,
  renderSummary,
} from '../../importers/render-import.ts';
import { refreshFeatures } from '../../segments/refresh-features.ts';
import { refreshSegments } from '../../segments/refresh-segments.ts';
import { type CliContext, CliError } from '../context.ts';

interface ImportFlags {
  source?: string;
  channel?: string;
  mapping?: string;
  dryRun?: boolean;
  rejects?: string;
  json?: boolean;
  refresh?: boolean;
}

const MAX_ISSUES_SHOWN = 50;

export function registerImport(program: Command, ctx: CliContext): void {
  const kinds = SOURCE_KINDS.join(', ');
  program
    .command('import <file>')
    .description(ctx.t('cli.group.import'))
    .option('--source <kind>', ctx.t('cli.import.source', { kinds }))
    .option('--channel <name>', ctx.t('cli.import.channel'))
    .option('--mapping <file>', ctx.t('cli.import.mapping'))
    .option('--dry-run', ctx.t('cli.import.dryRun'))
    .option('--rejects <file>', ctx.t('cli.import.rejects'))
    .option('--no-refresh', ctx.t('cli.import.noRefresh'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (file: string, flags: ImportFlags, cmd: Command) => {
      if (flags.source !== undefined && !isSourceKind(flags.source))
        throw new CliError('BAD_FLAG', ctx.t('cli.import.unknownSource', { source: flags.source, kinds }));
      // A real import may start a new warehouse (said on stderr); a dry run or a missing file never creates one.
      const engine = await ctx.warehouse(cmd, { create: flags.dryRun !== true && existsSync(file) });
      // Import errors (unreadable file, bad mapping …) are DalbitErrors: main reports them by kind.
      const summary = await runImport(engine, file, flags);
      printSummary(ctx, summary, flags);
      // No silent success: a file with headers and no data rows is a warning and exit 1.
      if (summary.status !== 'failed' && summary.rowsRead === 0) {
        ctx.err(ctx.t('cli.import.noRows', { file }));
        throw new CommanderError(1, 'dalbit.import.noRows', '');
      }
      if (summary.status === 'imported' && flags.refresh !== false) await refreshAfter(ctx, engine, flags);
      if (summary.status === 'failed')
        throw new CliError('INVALID_INPUT', ctx.t('cli.import.failed', { count: summary.issues.length }));
    });
}

async function runImport(engine: Engine, file: string, flags: ImportFlags): Promise<ImportSummary> {
  const tty = process.stderr.isTTY === true && !flags.json;
  let drawn = false;
  const summary = await importFile(engine, {
    path: file,
    now: new Date(),
    ...(flags.source !== undefined && isSourceKind(flags.source) ? { source: flags.source } : {}),
    ...(flags.channel ? { channel: flags.channel } : {}),
    ...(flags.mapping ? { mappingPath: flags.mapping } : {}),
    ...(flags.dryRun ? { dryRun: true } : {}),
    ...(flags.rejects ? { rejectsPath: flags.rejects } : {}),
    ...(tty
      ? {
          onProgress: (p) => {
            drawn = true;
            process.stderr.write(renderProgress(p));
          },
        }
      : {}),
  });
  if (drawn) process.stderr.write('\n');
  return summary;
}

function printSummary(ctx: CliContext, summary: ImportSummary, flags: ImportFlags): void {
  if (flags.json) {
    ctx.out(JSON.stringify(summary));
    return;
  }
  const { lang } = ctx;
  for (const l of renderDetection(summary, lang)) ctx.out(l);
  if (summary.status === 'dry_run') for (const l of renderDryRun(summary, lang)) ctx.out(l);
  else if (summary.issues.length > 0) for (const l of renderIssues(summary, lang, MAX_ISSUES_SHOWN)) ctx.err(l);
  for (const l of renderSummary(summary, lang)) ctx.out(l);
}

/** Segments count from the feature table: keep it, and memberships, current after each import. */
async function refreshAfter(ctx: CliContext, engine: Engine, flags: ImportFlags): Promise<void> {
  const asOf = new Date();
  const features = await refreshFeatures(engine, { asOf });
  const segments = await refreshSegments(engine, { asOf });
  const line = ctx.t('cli.import.refreshed', {
    customers: features.customers.toLocaleString(ctx.lang === 'ko' ? 'ko-KR' : 'en-US'),
    segments: segments.refreshed.length,
  });
  if (flags.json) ctx.err(line);
  else ctx.out(line);
}
