// Child process of the import bench: `generate <csv> <lines> <xlsx> <rows>` writes the files;
// `import <file> <dataDir>` imports one into a fresh warehouse and prints JSON (its own peak RSS
// included, so file generation and the other import never count toward it); `read <file>` only
// reads it (decode, parse, map, validate: the importer's reading, no identity and no writes);
// `duckdb-csv <file>` loads the CSV with DuckDB's own reader, every column as text, as a yardstick.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ingestFile } from '@dalbit/core/ingest/ingest-file';
import { DuckDBInstance } from '@duckdb/node-api';
import { openWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { openFileSource } from '../packages/server/src/importers/file-source.ts';
import { importFile } from '../packages/server/src/importers/import-file.ts';
import { writeCafe24Xlsx, writeOrdersCsv } from './import-files.ts';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'generate') {
  const [csvPath, lines, xlsxPath, rows] = args;
  writeOrdersCsv(csvPath as string, Number(lines));
  writeCafe24Xlsx(xlsxPath as string, Number(rows));
} else if (mode === 'import') {
  // `import <file> <parent dir> [auto|always|never]`: a fresh warehouse under the parent, removed after.
  const [path, parent, bulk = 'auto'] = args as [string, string, 'auto' | 'always' | 'never'];
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'w-'));
  const engine = await openWarehouse({ dataDir: dir });
  const steps: Record<string, number> = {};
  const load = loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const s = await importFile(engine, { path, now: new Date('2024-01-01T00:00:00Z'), timings: steps, bulk });
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
  if (s.status !== 'imported') throw new Error(`bench import failed: ${JSON.stringify(s.issues.slice(0, 3))}`);
  process.stdout.write(
    JSON.stringify({
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      rows: s.rowsWritten,
      customers: s.customersCreated,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage1m: Math.max(load, loadavg()[0] ?? 0),
      steps,
    }),
  );
} else if (mode === 'read') {
  const [path] = args as [string];
  const src = openFileSource(path);
  const r = measure(() => ingestFile(src, { fileName: path, now: new Date('2024-01-01T00:00:00Z') }));
  src.close();
  if (r.value.fileIssues.length > 0 || r.value.issues.length > 0) throw new Error('bench read found bad rows');
  process.stdout.write(JSON.stringify({ ...r.figures, rows: r.value.rowsRead }));
} else if (mode === 'duckdb-csv') {
  const [path] = args as [string];
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const sql = `CREATE TABLE t AS SELECT * FROM read_csv('${path.replaceAll("'", "''")}', header = true, all_varchar = true)`;
  const r = await measureAsync(() => con.run(sql));
  const rows = Number((await con.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]?.[0]);
  con.closeSync();
  process.stdout.write(JSON.stringify({ ...r.figures, rows }));
} else throw new Error(`unknown mode ${mode}`);

/** Wall and CPU seconds (user + system, all threads of this process) of one call. */
function measure<T>(f: () => T): { value: T; figures: Record<string, number> } {
  const load = loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const value = f();
  return { value, figures: figuresSince(t, cpu0, load) };
}

async function measureAsync<T>(f: () => Promise<T>): Promise<{ value: T; figures: Record<string, number> }> {
  const load = loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  return { value, figures: figuresSince(t, cpu0, load) };
}

function figuresSince(t: number, cpu0: NodeJS.CpuUsage, load: number): Record<string, number> {
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    loadAverage1m: Math.max(load, loadavg()[0] ?? 0),
  };
}
