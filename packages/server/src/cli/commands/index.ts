import type { MessageKey } from '@dalbit/core/i18n/catalog';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export type RegisterCommands = (program: Command, ctx: CliContext) => void;

/**
 * One top-level command: its name and the key of its one-line summary (for `dalbit --help`, without loading it)
 * and how to load the module(s) that register it. A command's module — and everything it imports
 * (DuckDB, the HTTP server, the models) — is loaded only when that command runs; a test checks
 * that each summary equals the description the module itself sets.
 */
export interface CommandGroup {
  readonly name: string;
  /** Catalog key of the one-line summary (`cli.group.<name>`). */
  readonly summary: MessageKey;
  readonly load: () => Promise<readonly RegisterCommands[]>;
}

/** Every command group, in `--help` order; one entry per group. */
export const COMMAND_GROUPS: readonly CommandGroup[] = [
  {
    name: 'init',
    summary: 'cli.group.init',
    load: async () => [(await import('./init.ts')).registerInit],
  },
  {
    name: 'import',
    summary: 'cli.group.import',
    load: async () => [(await import('./import.ts')).registerImport],
  },
  {
    name: 'experiment',
    summary: 'cli.group.experiment',
    load: async () => [(await import('./experiment/index.ts')).registerExperiment],
  },
  {
    name: 'basket',
    summary: 'cli.group.basket',
    load: async () => [(await import('./basket.ts')).registerBasket],
  },
  {
    name: 'rfm',
    summary: 'cli.group.rfm',
    load: async () => [(await import('./rfm.ts')).registerRfm],
  },
  {
    name: 'clv',
    summary: 'cli.group.clv',
    load: async () => [(await import('./clv.ts')).registerClv],
  },
  {
    name: 'customers',
    summary: 'cli.group.customers',
    load: async () => [(await import('./customers.ts')).registerCustomers],
  },
  {
    name: 'stats',
    summary: 'cli.group.stats',
    load: async () => [(await import('./stats.ts')).registerStats],
  },
  {
    name: 'demo',
    summary: 'cli.group.demo',
    load: async () => [(await import('./demo.ts')).registerDemo],
  },
  {
    name: 'consent',
    summary: 'cli.group.consent',
    load: async () => [(await import('./consent/index.ts')).registerConsent],
  },
  {
    name: 'serve',
    summary: 'cli.group.serve',
    load: async () => [(await import('./serve.ts')).registerServe],
  },
  {
    name: 'traits',
    summary: 'cli.group.traits',
    load: async () => [(await import('./traits.ts')).registerTraits],
  },
  {
    name: 'clusters',
    summary: 'cli.group.clusters',
    load: async () => [(await import('./clusters.ts')).registerClusters],
  },
  {
    name: 'report',
    summary: 'cli.group.report',
    load: async () => [(await import('./report.ts')).registerReport],
  },
  {
    name: 'campaign',
    summary: 'cli.group.campaign',
    // `campaign report ID` hangs under `campaign`, so it is registered after it.
    load: async () => [
      (await import('./campaign/index.ts')).registerCampaign,
      (await import('./campaign-report.ts')).registerCampaignReport,
    ],
  },
  {
    name: 'segment',
    summary: 'cli.group.segment',
    load: async () => [(await import('./segment/index.ts')).registerSegment],
  },
  {
    name: 'recipes',
    summary: 'cli.group.recipes',
    load: async () => [(await import('./recipes.ts')).registerRecipes],
  },
  {
    name: 'dispatcher',
    summary: 'cli.group.dispatcher',
    load: async () => [(await import('./dispatcher.ts')).registerDispatcher],
  },
  {
    name: 'refresh',
    summary: 'cli.group.refresh',
    load: async () => [(await import('./refresh.ts')).registerRefresh],
  },
  {
    name: 'migrate',
    summary: 'cli.group.migrate',
    load: async () => [(await import('./migrate.ts')).registerMigrate],
  },
  {
    name: 'audit',
    summary: 'cli.group.audit',
    load: async () => [(await import('./audit.ts')).registerAudit],
  },
  {
    name: 'users',
    summary: 'cli.group.users',
    load: async () => [(await import('./users.ts')).registerUsers],
  },
  {
    name: 'connect',
    summary: 'cli.group.connect',
    load: async () => [(await import('./connect.ts')).registerConnect],
  },
  {
    name: 'sync',
    summary: 'cli.group.sync',
    load: async () => [(await import('./sync.ts')).registerSync],
  },
  {
    name: 'tracker',
    summary: 'cli.group.tracker',
    load: async () => [(await import('./tracker.ts')).registerTracker],
  },
];

/** Global options that take a value, so the word after them is not the command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--data-dir', '--lang']);

/**
 * The command group `argv` (process.argv) asks for, if any: the first word that is not a global
 * option; `help NAME` asks for NAME. Undefined for `--help`, no command or an unknown word.
 */
export function requestedGroup(argv: readonly string[]): CommandGroup | undefined {
  const words = argv.slice(2);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    const name = w === 'help' ? words[i + 1] : w;
    return COMMAND_GROUPS.find((g) => g.name === name);
  }
  return undefined;
}
