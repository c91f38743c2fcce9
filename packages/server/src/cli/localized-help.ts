import { type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import { type Lang, parseLang } from '@dalbit/core/i18n/lang';
import { type Command, Help, type HelpConfiguration, type Option } from 'commander';

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

/**
 * Help headings from the message catalog, and the texts commander adds itself (the help option and
 * the `help` command). Every command sets its own description and option texts from the catalog.
 */
export function localizedHelp(lang: Lang): HelpConfiguration {
  const t = (key: MessageKey): string => translate(lang, key);
  const plain = new Help();
  return {
    styleTitle: (title: string) => {
      const key = TITLES[title];
      return key ? t(key) : title;
    },
    subcommandDescription: (cmd: Command) => (cmd.name() === 'help' ? t('cli.option.help') : cmd.description()),
    // Commander's own text for the rest keeps the "(default: …)" and choices it appends.
    optionDescription: (option: Option) =>
      option.long === '--help' ? t('cli.option.help') : plain.optionDescription(option),
  };
}
