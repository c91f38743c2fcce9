import { z } from 'zod';
import { SOURCE_KINDS } from './source-kind.ts';

/**
 * An explicit column mapping (`dalbit import --mapping m.json`); it overrides the alias table.
 * @example { "source": "orders", "channel": "uk_retail", "columns": { "order_id": "InvoiceNo" } }
 */
export const MappingFile = z
  .object({
    /** Forces the kind of file (the `--source` flag wins over it). */
    source: z.enum(SOURCE_KINDS).optional(),
    /** Channel name for sources that take one (orders, POS, customers, events). */
    channel: z.string().min(1).optional(),
    /** Sheet row / CSV line of the header (1-based); found automatically when absent. */
    headerRow: z.number().int().positive().optional(),
    /** Canonical field → header text in the file; `null` ignores a column the aliases would pick. */
    columns: z.record(z.string().min(1), z.string().min(1).nullable()).default({}),
    /** Multiplier applied to amounts before the integer check (e.g. 100 for pence). */
    amountScale: z.number().positive().optional(),
    /** Offset of the file's wall-clock times in minutes east of UTC (default 540, KST). */
    utcOffsetMinutes: z.number().int().min(-720).max(840).optional(),
  })
  .strict();

export type MappingFile = z.infer<typeof MappingFile>;

/** Parses mapping JSON text; issues come back as readable lines, never thrown. */
export function parseMappingFile(text: string): { ok: true; mapping: MappingFile } | { ok: false; issues: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const r = MappingFile.safeParse(json);
  if (r.success) return { ok: true, mapping: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
