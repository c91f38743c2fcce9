// Import throughput: a large marketplace orders CSV (through the set-based path and row by row) and a Cafe24 orders XLSX, imported end to end
// (read, decode, parse, map, validate, identity resolution, writes) into an on-disk DuckDB warehouse,
// and read alone (decode, parse, map, validate: `read`), each in a process of its own. `duckdbCsv`
// is DuckDB's native CSV reader loading the same file as text columns, nothing mapped: a yardstick
// for what reading the file costs at all on this machine.
// Scale with DALBIT_BENCH_CSV_LINES / DALBIT_BENCH_XLSX_ROWS (defaults 1,000,000 / 200,000).
// The files are generated in one child process and each import runs in its own child, so the
// peak RSS reported is the import's alone; CPU seconds and the load average are reported beside
// wall time because other processes share the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'import-child.ts');

interface ReadResult {
  seconds: number;
  cpuSeconds: number;
  rows: number;
  peakRssMb: number;
  loadAverage1m: number;
}

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  rows: number;
  customers: number;
  peakRssMb: number;
  loadAverage1m: number;
  steps: Record<string, number>;
}

function child(args: string[]): string {
  return execFileSync(process.execPath, [...process.execArgv, CHILD, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function timeImport(path: string, dir: string, bulk: 'auto' | 'always' | 'never' = 'auto'): ChildResult {
  return JSON.parse(child(['import', path, dir, bulk])) as ChildResult;
}

/** One CSV import's figures (lines, seconds, CPU-s, rates, peak, load, seconds by step). */
function csvFigures(csv: ChildResult, csvPath: string) {
  return {
    lines: csv.rows,
    megabytes: Math.round(statSync(csvPath).size / 1e5) / 10,
    seconds: round(csv.seconds),
    cpuSeconds: round(csv.cpuSeconds),
    linesPerSecond: Math.round(csv.rows / csv.seconds),
    linesPerCpuSecond: Math.round(csv.rows / csv.cpuSeconds),
    customers: csv.customers,
    peakRssMb: csv.peakRssMb,
    loadAverage1m: round(csv.loadAverage1m),
    secondsByStep: rounded(csv.steps),
  };
}

function timeRead(mode: 'read' | 'duckdb-csv', path: string) {
  const r = JSON.parse(child([mode, path])) as ReadResult;
  return {
    rows: r.rows,
    seconds: round(r.seconds),
    cpuSeconds: round(r.cpuSeconds),
    rowsPerSecond: Math.round(r.rows / r.seconds),
    rowsPerCpuSecond: Math.round(r.rows / r.cpuSeconds),
    peakRssMb: r.peakRssMb,
    loadAverage1m: round(r.loadAverage1m),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const csvLines = Number(process.env.DALBIT_BENCH_CSV_LINES ?? 1_000_000);
  const xlsxRows = Number(process.env.DALBIT_BENCH_XLSX_ROWS ?? 200_000);
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-bench-import-'));
  try {
    const csvPath = join(dir, 'marketplace-orders.csv');
    const xlsxPath = join(dir, 'cafe24-orders.xlsx');
    child(['generate', csvPath, String(csvLines), xlsxPath, String(xlsxRows)]);
    const csvRead = timeRead('read', csvPath);
    const duckdbCsv = timeRead('duckdb-csv', csvPath);
    const xlsxRead = timeRead('read', xlsxPath);
    // The CSV both ways: the set-based path (DuckDB reads, SQL maps and writes) and row by row.
    const csv = timeImport(csvPath, join(dir, 'w-csv'), 'always');
    const csvRowByRow = timeImport(csvPath, join(dir, 'w-csv'), 'never');
    const xlsx = timeImport(xlsxPath, join(dir, 'w-xlsx'));
    return {
      read: { csv: csvRead, xlsx: xlsxRead, duckdbCsv },
      csv: csvFigures(csv, csvPath),
      csvRowByRow: csvFigures(csvRowByRow, csvPath),
      xlsx: {
        rows: xlsx.rows,
        megabytes: Math.round(statSync(xlsxPath).size / 1e5) / 10,
        seconds: round(xlsx.seconds),
        cpuSeconds: round(xlsx.cpuSeconds),
        rowsPerSecond: Math.round(xlsx.rows / xlsx.seconds),
        rowsPerCpuSecond: Math.round(xlsx.rows / xlsx.cpuSeconds),
        customers: xlsx.customers,
        peakRssMb: xlsx.peakRssMb,
        loadAverage1m: round(xlsx.loadAverage1m),
        secondsByStep: rounded(xlsx.steps),
      },
      // Peak of the importing processes only (file generation runs in its own process).
      peakRssMb: Math.max(csv.peakRssMb, csvRowByRow.peakRssMb, xlsx.peakRssMb),
      targets: { csvLinesPerSecond: 300_000, xlsxRowsPerSecond: 50_000, peakRssMb: 2048 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
const rounded = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));
