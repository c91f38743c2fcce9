import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { Command } from 'commander';
import { type AuditReport, verifyAccessLog } from '../../http/verify-access-log.ts';
import type { CliContext } from '../context.ts';
import { CliError } from '../context.ts';

/** The report as lines a person reads (Korean first when `lang` is ko). */
export function auditLines(r: AuditReport, lang: Lang): string[] {
  const lines: string[] = [];
  if (r.ok) lines.push(translate(lang, 'audit.ok', { entries: r.entries, seq: r.head?.seq ?? 0 }));
  else {
    lines.push(translate(lang, 'audit.failed', { count: r.problems.length }));
    for (const p of r.problems.slice(0, 50))
      lines.push(`  #${p.seq ?? '-'} ${translate(lang, `audit.problem.${p.kind}`)}: ${p.detail}`);
  }
  if (r.legacy > 0) lines.push(translate(lang, 'audit.legacy', { count: r.legacy }));
  return lines;
}

export function registerAudit(program: Command, ctx: CliContext): void {
  const audit = program.command('audit').description(ctx.t('cli.group.audit'));
  audit
    .command('verify')
    .description(ctx.t('cli.audit.verify'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const { lang } = ctx.config(cmd);
      const report = await verifyAccessLog(await ctx.warehouse(cmd));
      if (o.json) ctx.out(JSON.stringify(report));
      else for (const line of auditLines(report, lang)) ctx.out(line);
      if (!report.ok)
        throw new CliError('AUDIT_FAILED', translate(lang, 'audit.failed', { count: report.problems.length }));
    });
}
