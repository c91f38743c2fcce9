// Child process of the import bench: `generate <csv> <lines> <xlsx> <rows>` writes the files;
// `import <file> <dataDir>` imports one into a fresh warehouse and prints JSON (its own peak RSS
// included, so file generation and the other import never count toward it).
import { loadavg } from 'node:os';
import { openWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { importFile } from '../packages/server/src/importers/import-file.ts';
import { writeCafe24Xlsx, writeOrdersCsv } from './import-files.ts';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'generate') {
  const [csvPath, lines, xlsxPath, rows] = args;
  writeOrdersCsv(csvPath as string, Number(lines));
  writeCafe24Xlsx(xlsxPath as string, Number(rows));
} else if (mode === 'import') {
  const [path, dir] = args as [string, string];
  const engine = await openWarehouse({ dataDir: dir });
  const steps: Record<string, number> = {};
  const load = loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const s = await importFile(engine, { path, now: new Date('2024-01-01T00:00:00Z'), timings: steps });
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await engine.close();
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
} else throw new Error(`unknown mode ${mode}`);
