import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { importFile } from '../../src/importers/import-file.ts';
import { NOW, ORDERS_HEADER, tempDir, writeCsv } from './fixtures.ts';
import { musinsaRows } from './progress-fixture.ts';

let engine: Engine;
beforeEach(async () => {
  engine = await openMemoryWarehouse('duckdb');
});
afterEach(async () => {
  await engine.close();
});

describe('importFile: progress while the file is read', () => {
  it('reports rows and bytes read as it goes and lets other work run between steps', async () => {
    const path = writeCsv(tempDir(), 'orders.csv', [ORDERS_HEADER, ...musinsaRows(9000)]);
    const seen: { rowsRead: number; bytesRead: number; totalBytes: number; ticks: number }[] = [];
    let ticks = 0;
    let running = true;
    // Another piece of work on the same event loop (an HTTP progress poll, in the server).
    const other = (async () => {
      while (running) {
        ticks++;
        await new Promise<void>((r) => setImmediate(r));
      }
    })();
    const summary = await importFile(engine, {
      path,
      now: NOW,
      dryRun: true,
      onProgress: (p) => seen.push({ ...p, ticks }),
    });
    running = false;
    await other;
    expect(summary.rowsRead).toBe(9000);
    // Every 2,048 rows, then the end: 2048, 4096, 6144, 8192, 9000.
    expect(seen.map((p) => p.rowsRead)).toEqual([2048, 4096, 6144, 8192, 9000]);
    const total = seen[0]?.totalBytes ?? 0;
    expect(total).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]?.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]?.bytesRead ?? 0);
      // The other work ran between two reports: the reading does not hold the event loop.
      expect(seen[i]?.ticks).toBeGreaterThan(seen[i - 1]?.ticks ?? 0);
    }
    expect(seen.at(-1)?.bytesRead).toBe(total);
    expect(seen[0]?.bytesRead).toBeLessThan(total);
  });
});
