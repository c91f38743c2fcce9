// Runs a peer measurement in R when `Rscript` and the package are installed, in this process tree;
// otherwise says the peer was not measured. No peer figure is ever typed into a bench.
import { spawnSync } from 'node:child_process';

export type PeerResult =
  | { readonly measured: true; readonly tool: string; readonly seconds: number; readonly runs: number }
  | { readonly measured: false; readonly tool: string; readonly reason: string };

/**
 * `body` is R code that leaves the elapsed seconds of each run in a numeric vector `t`; the median
 * is reported. `pkg` is loaded first; without it (or without Rscript) nothing is measured.
 */
export function measureInR(tool: string, pkg: string, body: string): PeerResult {
  const script = `suppressMessages(library(${pkg}))\n${body}\ncat(sprintf("PEER %.6f %d\\n", median(t), length(t)))\n`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', timeout: 600_000 });
  if (r.error) return { measured: false, tool, reason: 'not measured: Rscript is not installed on this machine' };
  const m = /PEER ([\d.]+) (\d+)/.exec(r.stdout);
  if (r.status !== 0 || !m)
    return { measured: false, tool, reason: `not measured: R could not run it (${r.stderr.trim().split('\n').pop()})` };
  return { measured: true, tool, seconds: Number(m[1]), runs: Number(m[2]) };
}
