import { join } from 'node:path';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Command } from 'commander';
import { loadSiteKeys, newSiteKeys, SITE_KEYS_FILE, type SiteKeys, saveSiteKeys } from '../../tracker/site-keys.ts';
import type { CliContext } from '../context.ts';

/** The `<script>` tags a shop pastes into its pages. */
export function trackerSnippet(baseUrl: string, writeKey: string): string {
  return [
    '<script>window.dalbit = window.dalbit || [];</script>',
    `<script async src="${baseUrl}/tracker.js" data-key="${writeKey}"></script>`,
  ].join('\n');
}

export function registerTracker(program: Command, ctx: CliContext): void {
  const tracker = program.command('tracker').description(ctx.t('cli.group.tracker'));
  tracker
    .command('keys')
    .description(ctx.t('cli.tracker.keys'))
    .option('--url <url>', ctx.t('cli.tracker.opt.url'))
    .option('--rotate', ctx.t('cli.tracker.opt.rotate'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (o: { url?: string; rotate?: boolean; json?: boolean }, cmd: Command) => {
      const config = ctx.config(cmd);
      const lang = config.lang;
      let keys: SiteKeys = await loadSiteKeys(config.dataDir);
      if (o.rotate) {
        keys = newSiteKeys(keys.site);
        await saveSiteKeys(config.dataDir, keys);
      }
      const base = (o.url ?? config.security.publicUrl ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
      const snippet = trackerSnippet(base, keys.writeKey);
      if (o.json)
        return ctx.out(
          JSON.stringify({ site: keys.site, writeKey: keys.writeKey, secretKey: keys.secretKey, snippet }),
        );
      const file = join(config.dataDir, SITE_KEYS_FILE);
      if (o.rotate) ctx.out(translate(lang, 'tracker.rotated'));
      ctx.out(translate(lang, 'tracker.keysTitle', { site: keys.site, file }));
      ctx.out(translate(lang, 'tracker.writeKeyLine', { key: keys.writeKey }));
      ctx.out(translate(lang, 'tracker.secretKeyLine', { key: keys.secretKey }));
      ctx.out('');
      ctx.out(translate(lang, 'tracker.snippetTitle'));
      ctx.out(snippet);
      ctx.out('');
      ctx.out(translate(lang, 'tracker.identifyHint'));
    });
}
