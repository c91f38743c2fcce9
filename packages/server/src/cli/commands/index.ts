import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerBasket } from './basket.ts';
import { registerCampaign } from './campaign.ts';
import { registerCampaignReport } from './campaign-report.ts';
import { registerClusters } from './clusters.ts';
import { registerClv } from './clv.ts';
import { registerConsent } from './consent.ts';
import { registerCustomers } from './customers.ts';
import { registerDemo } from './demo.ts';
import { registerDispatcher } from './dispatcher.ts';
import { registerExperiment } from './experiment.ts';
import { registerImport } from './import.ts';
import { registerInit } from './init.ts';
import { registerRecipes } from './recipes.ts';
import { registerRefresh } from './refresh.ts';
import { registerReport } from './report.ts';
import { registerRfm } from './rfm.ts';
import { registerSegment } from './segment.ts';
import { registerServe } from './serve.ts';
import { registerStats } from './stats.ts';
import { registerTracker } from './tracker.ts';
import { registerTraits } from './traits.ts';
import { registerUsers } from './users.ts';

/** Every command group registers itself here; one line per group. */
export const COMMAND_GROUPS: readonly ((program: Command, ctx: CliContext) => void)[] = [
  registerInit,
  registerImport,
  registerExperiment,
  registerBasket,
  registerRfm,
  registerClv,
  registerCustomers,
  registerStats,
  registerDemo,
  registerConsent,
  registerServe,
  registerTraits,
  registerClusters,
  registerReport,
  registerCampaign,
  registerCampaignReport,
  registerSegment,
  registerRecipes,
  registerDispatcher,
  registerRefresh,
  registerUsers,
  registerTracker,
];
