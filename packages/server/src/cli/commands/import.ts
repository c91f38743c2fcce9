import { isSourceKind, SOURCE_KINDS } from '@dalbit/core/ingest/source-kind';
import type { Command } from 'commander';
import { ImportError, type ImportErrorCode } from '../../importers/import-error.ts';
import { importFile } from '../../importers/import-file.ts';
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

/** Korean heading for an import that cannot start; the English detail (path, cause) follows it. */
const IMPORT_ERROR_KO: Record<ImportErrorCode, string> = {
  FILE_UNREADABLE: '파일을 읽을 수 없습니다',
  BAD_MAPPING: '컬럼 매핑 파일이 잘못되었습니다',
  UNSUPPORTED_ENGINE: '이 엔진에서는 가져오기를 할 수 없습니다',
  ROW_COUNT_MISMATCH: '기록한 행 수가 맞지 않아 가져오기를 취소했습니다',
  REJECTS_UNWRITABLE: '거부 행 파일을 쓸 수 없습니다 (아무것도 기록하지 않았습니다)',
};

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import <file>')
    .description('import an export file (Cafe24, SmartStore, Coupang, POS, customers, events, products, warranties)')
    .option('--source <kind>', `force the kind of file: ${SOURCE_KINDS.join(', ')}`)
    .option('--channel <name>', 'sales channel for files without one (e.g. musinsa, 29cm, popup)')
    .option('--mapping <file>', 'JSON column mapping that overrides the header aliases')
    .option('--dry-run', 'show the column mapping, the first rows and every problem; write nothing')
    .option('--rejects <file>', 'write bad rows to this CSV and import the good ones')
    .option('--no-refresh', 'skip refreshing customer features and segment memberships afterwards')
    .option('--json', 'machine-readable summary')
    .action(async (file: string, flags: ImportFlags, cmd: Command) => {
      const { lang } = ctx.config(cmd);
      if (flags.source !== undefined && !isSourceKind(flags.source))
        throw new CliError(
          `${lang === 'ko' ? '알 수 없는 파일 종류입니다 / ' : ''}unknown --source '${flags.source}'; one of: ${SOURCE_KINDS.join(', ')}`,
          2,
        );
      const engine = await ctx.warehouse(cmd);
      const tty = process.stderr.isTTY === true && !flags.json;
      let drawn = false;
      try {
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
        if (flags.json) ctx.out(JSON.stringify(summary));
        else {
          for (const l of renderDetection(summary, lang)) ctx.out(l);
          if (summary.status === 'dry_run') for (const l of renderDryRun(summary, lang)) ctx.out(l);
          else if (summary.issues.length > 0) for (const l of renderIssues(summary, lang, MAX_ISSUES_SHOWN)) ctx.err(l);
          for (const l of renderSummary(summary, lang)) ctx.out(l);
        }
        if (summary.status === 'imported' && flags.refresh !== false) {
          // Segments count from the feature table: keep it, and memberships, current after each import.
          const asOf = new Date();
          const features = await refreshFeatures(engine, { asOf });
          const segments = await refreshSegments(engine, { asOf });
          const line =
            lang === 'ko'
              ? `고객 피처 ${features.customers.toLocaleString('ko-KR')}명, 세그먼트 ${segments.refreshed.length}개 갱신`
              : `refreshed features of ${features.customers} customers and ${segments.refreshed.length} segments`;
          if (flags.json) ctx.err(line);
          else ctx.out(line);
        }
        if (summary.status === 'failed') {
          const n = summary.issues.length;
          throw new CliError(
            lang === 'ko'
              ? `가져오기 실패: 문제 ${n}건, 아무것도 기록하지 않았습니다 (--rejects out.csv 로 정상 행만 가져올 수 있습니다)`
              : `import failed: ${n} problem(s), nothing written (use --rejects out.csv to import the good rows)`,
          );
        }
      } catch (e) {
        if (e instanceof ImportError)
          throw new CliError(lang === 'ko' ? `${IMPORT_ERROR_KO[e.code]} / ${e.message}` : e.message, 2);
        throw e;
      }
    });
}
