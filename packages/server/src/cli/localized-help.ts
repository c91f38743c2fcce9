import { MESSAGES, type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import { type Lang, parseLang } from '@dalbit/core/i18n/lang';
import type { Command, HelpConfiguration, Option } from 'commander';

/** The language of `--help`: `--lang en` / `--lang=en` on the command line, else DALBIT_LANG; Korean by default. */
export function helpLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  const at = argv.indexOf('--lang');
  const flag = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return parseLang(flag ?? env.DALBIT_LANG);
}

const TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'cli.title.usage',
  'Options:': 'cli.title.options',
  'Commands:': 'cli.title.commands',
  'Arguments:': 'cli.title.arguments',
  'Global Options:': 'cli.title.globalOptions',
};

const known = (key: string): key is MessageKey => Object.hasOwn(MESSAGES, key);

/**
 * Help text from the message catalog: headings, the program description, the help and --data-dir
 * options, and the one-line summary of every top-level command group (`cli.group.<name>`). Commands
 * keep their own (English) descriptions; only what help prints is translated.
 */
export function localizedHelp(lang: Lang): HelpConfiguration {
  const t = (key: MessageKey): string => translate(lang, key);
  return {
    styleTitle: (title: string) => {
      const key = TITLES[title];
      return key ? t(key) : title;
    },
    commandDescription: (cmd: Command) => (cmd.parent === null ? t('cli.program') : cmd.description()),
    subcommandDescription: (cmd: Command) => {
      const key = `cli.group.${cmd.name()}`;
      return cmd.parent?.parent === null && known(key) ? t(key) : cmd.description();
    },
    optionDescription: (option: Option) => {
      if (option.long === '--help') return t('cli.option.help');
      if (option.long === '--data-dir') return t('cli.option.dataDir');
      return option.description;
    },
  };
}
