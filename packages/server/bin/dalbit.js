#!/usr/bin/env node
// Runs the compiled CLI in ../dist (plain JavaScript; no TypeScript compiler at run time). `npm
// install` builds it (prepare); when it is missing or older than the sources, it is rebuilt here first.
import { ensureBuilt } from '../build.mjs';

const { main } = await import(await ensureBuilt());
process.exitCode = await main(process.argv);
