#!/usr/bin/env node
// Runs the compiled CLI in ../dist (plain JavaScript; no TypeScript compiler at run time). `npm
// install` builds it (prepare); when it is missing or older than the sources, it is rebuilt here first.
import { ensureBuilt } from '../build.mjs';

// `dalbit … | head`: once the reader has gone, stop quietly (exit 0) as Unix tools do, instead of
// crashing with an EPIPE stack; other stream errors stay loud.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const { main } = await import(await ensureBuilt());
process.exitCode = await main(process.argv);
