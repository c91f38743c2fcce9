// Start-up: `dalbit --help` and `dalbit stats --json` on a small warehouse (a 2,000-customer demo
// built here), each run as its own process through bin/dalbit.js, as a user runs it. Each run is
// timed by /usr/bin/time (wall, user+sys CPU, peak RSS); medians with min and max are reported,
// and the 1-minute load average beside them because other processes share the machine.
// Targets (issue 13): --help ≤ 0.3 s, stats ≤ 0.5 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../packages/server/bin/dalbit.js', import.meta.url));
const RUNS = Number(process.env.DALBIT_BENCH_STARTUP_RUNS ?? 7);

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMb: number;
}

function timeOnce(args: readonly string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`dalbit ${args.join(' ')} failed: ${r.stderr}`);
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no timing from /usr/bin/time: ${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Math.round(Number(m[4]) / 1024) };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function timeCommand(args: readonly string[], target: number | null): Record<string, unknown> {
  timeOnce(args); // warm-up (and the first-run build of dist/ when it is stale)
  const runs = Array.from({ length: RUNS }, () => timeOnce(args));
  const walls = runs.map((r) => r.wall);
  return {
    command: args[0] === BIN ? `dalbit ${args.slice(1).join(' ')}` : `node ${args.join(' ')}`,
    runs: RUNS,
    wallSecondsMedian: median(walls),
    wallSecondsMin: Math.min(...walls),
    wallSecondsMax: Math.max(...walls),
    cpuSecondsMedian: Number(median(runs.map((r) => r.cpu)).toFixed(2)),
    peakRssMbMedian: median(runs.map((r) => r.rssMb)),
    targetSeconds: target,
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-bench-startup-'));
  try {
    execFileSync(process.execPath, [BIN, '--data-dir', dir, 'demo', '--customers', '2000', '--json'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return {
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      help: timeCommand([BIN, '--help'], 0.3),
      stats: timeCommand([BIN, '--data-dir', dir, 'stats', '--json'], 0.5),
      // The floor on this machine at this moment: Node starting and doing nothing.
      nodeAlone: timeCommand(['-e', '0'], null),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
