import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerBasket } from './basket.ts';
import { registerClv } from './clv.ts';
import { registerExperiment } from './experiment.ts';
import { registerInit } from './init.ts';
import { registerRfm } from './rfm.ts';

/** Every command group registers itself here; one line per group. */
export const COMMAND_GROUPS: readonly ((program: Command, ctx: CliContext) => void)[] = [registerInit, registerExperiment, registerBasket, registerRfm, registerClv];
