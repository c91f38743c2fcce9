import type { Command } from 'commander';
import type { CliContext } from '../../context.ts';
import { registerConsentChange } from './change.ts';
import { registerConsentImport080 } from './import-080.ts';
import { registerConsentShow } from './show.ts';

/**
 * `dalbit consent show|grant|withdraw|import-080`: consent is append-only with proof; nothing is
 * ever updated or deleted.
 */
export function registerConsent(program: Command, ctx: CliContext): void {
  const consent = program.command('consent').description(ctx.t('cli.group.consent'));
  registerConsentShow(consent, ctx);
  registerConsentChange(consent, ctx, 'grant');
  registerConsentChange(consent, ctx, 'withdraw');
  registerConsentImport080(consent, ctx);
}
