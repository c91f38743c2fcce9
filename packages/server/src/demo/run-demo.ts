import { join } from 'node:path';
import { keptLineSql } from '@dalbit/core/analytics/revenue';
import type { DemoParams } from '@dalbit/core/demo/demo-params';
import type { DemoGroundTruth } from '@dalbit/core/demo/ground-truth';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';
import { seededCustomerIds } from '@dalbit/core/identity/ids';
import type { Engine } from '../engines/engine.ts';
import { importFile } from '../importers/import-file.ts';
import type { ImportSummary } from '../importers/import-summary.ts';
import { type DemoManifest, writeDemoFiles } from './write-demo-files.ts';

export interface DemoFileResult {
  readonly file: string;
  readonly source: string;
  readonly status: ImportSummary['status'];
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsRejected: number;
  readonly customersCreated: number;
  readonly customersMerged: number;
  readonly seconds: number;
}

export interface DemoChannelStats {
  readonly channel: string;
  readonly orders: number;
  /** Σ line amount of lines neither cancelled nor returned (KRW). */
  readonly revenue: number;
}

/** What `dalbit demo` prints. */
export interface DemoRunSummary {
  readonly outDir: string;
  readonly params: DemoParams;
  readonly files: readonly DemoFileResult[];
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsRejected: number;
  readonly customers: number;
  readonly merges: number;
  readonly channels: readonly DemoChannelStats[];
  readonly generateSeconds: number;
  readonly importSeconds: number;
  /** What the generator wrote, to compare with what the warehouse now holds. */
  readonly expected: DemoGroundTruth;
}

const DEMO_IMPORT_ERROR_KIND = {
  IMPORT_FAILED: 'internal',
} as const satisfies Record<'IMPORT_FAILED', ErrorKind>;

/** A file the importer refused; the demo stops there (the importer wrote nothing for it). */
export class DemoImportError extends DalbitError {
  override readonly name = 'DemoImportError';
  declare readonly code: 'IMPORT_FAILED';
  constructor(
    code: 'IMPORT_FAILED',
    message: string,
    readonly summary: ImportSummary,
  ) {
    super({ code, kind: DEMO_IMPORT_ERROR_KIND[code], message });
  }
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : 0);

/** Imports the files of a manifest in its order through the real importer. */
export async function importDemoFiles(
  engine: Engine,
  opts: { outDir: string; manifest: DemoManifest; now: Date; onFile?: (r: DemoFileResult) => void },
): Promise<DemoFileResult[]> {
  const results: DemoFileResult[] = [];
  for (const f of opts.manifest.files) {
    const s = await importFile(engine, {
      path: join(opts.outDir, f.file),
      source: f.source,
      now: opts.now,
      // Generated people get seeded ids, so the same seed builds the same warehouse.
      newCustomerId: seededCustomerIds(`dalbit-demo:${opts.manifest.params.seed}`),
    });
    if (s.status !== 'imported') {
      const first = s.issues
        .slice(0, 5)
        .map((i) => `${i.file}:${i.line}${i.column ? ` ${i.column}` : ''}: ${i.message}`);
      throw new DemoImportError(
        'IMPORT_FAILED',
        `${f.file}: ${s.status} (${s.issues.length} issue(s))${first.length ? `\n  ${first.join('\n  ')}` : ''}`,
        s,
      );
    }
    const r: DemoFileResult = {
      file: f.file,
      source: f.source,
      status: s.status,
      rowsRead: s.rowsRead,
      rowsWritten: s.rowsWritten,
      rowsRejected: s.rowsRejected,
      customersCreated: s.customersCreated,
      customersMerged: s.customersMerged,
      seconds: s.seconds,
    };
    opts.onFile?.(r);
    results.push(r);
  }
  return results;
}

/** Warehouse-side figures for the summary: customers, merges, orders and revenue per channel. */
export async function readDemoStats(
  engine: Engine,
): Promise<Pick<DemoRunSummary, 'customers' | 'merges' | 'channels'>> {
  const [c] = await engine.query('SELECT count(*) AS n FROM customers');
  const [m] = await engine.query('SELECT count(*) AS n FROM merges WHERE undone_at IS NULL');
  // Orders = orders with a kept line; revenue = net revenue (one definition, core/analytics/revenue.ts).
  const sales = await engine.query(
    `SELECT channel, count(DISTINCT order_id) AS orders, sum(line_amount) AS revenue FROM order_items WHERE ${keptLineSql()} GROUP BY channel`,
  );
  const channels = sales
    .map((r) => ({ channel: String(r.channel), orders: num(r.orders), revenue: num(r.revenue) }))
    .sort((a, b) => b.revenue - a.revenue || a.channel.localeCompare(b.channel));
  return { customers: num(c?.n), merges: num(m?.n), channels };
}

/** Generates the demo brand into `outDir` and imports every file into `engine`. */
export async function runDemo(
  engine: Engine,
  opts: {
    params: DemoParams;
    outDir: string;
    now: Date;
    onGenerated?: (m: DemoManifest, seconds: number) => void;
    onFile?: (r: DemoFileResult) => void;
  },
): Promise<DemoRunSummary> {
  const t0 = performance.now();
  const manifest = writeDemoFiles({ params: opts.params, outDir: opts.outDir });
  const generateSeconds = (performance.now() - t0) / 1000;
  opts.onGenerated?.(manifest, generateSeconds);
  const t1 = performance.now();
  const files = await importDemoFiles(engine, {
    outDir: opts.outDir,
    manifest,
    now: opts.now,
    ...(opts.onFile ? { onFile: opts.onFile } : {}),
  });
  const importSeconds = (performance.now() - t1) / 1000;
  const stats = await readDemoStats(engine);
  const sum = (k: 'rowsRead' | 'rowsWritten' | 'rowsRejected'): number => files.reduce((s, f) => s + f[k], 0);
  return {
    outDir: opts.outDir,
    params: opts.params,
    files,
    rowsRead: sum('rowsRead'),
    rowsWritten: sum('rowsWritten'),
    rowsRejected: sum('rowsRejected'),
    ...stats,
    generateSeconds,
    importSeconds,
    expected: manifest.truth,
  };
}
