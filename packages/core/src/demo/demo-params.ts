import { z } from 'zod';
import { parseKstDate } from '../time/kst.ts';

/** Inputs of the demo brand generator; the same params always give the same files, byte for byte. */
export const DemoParamsSchema = z.object({
  customers: z.number().int().min(1).max(10_000_000).default(50_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(7),
  /** The last day of the data ('YYYY-MM-DD', KST); the export was taken the next morning. */
  asOf: z
    .string()
    .refine((s) => parseKstDate(s) !== undefined, { message: 'expected a date YYYY-MM-DD' })
    .default('2026-11-15'),
  /** Length of the history, in days. */
  days: z.number().int().min(60).max(3650).default(730),
  /** Mean number of behavioural events per customer; 0 writes no events file. */
  eventsPerCustomer: z.number().min(0).max(1000).default(12),
});

export type DemoParamsInput = z.input<typeof DemoParamsSchema>;
export type DemoParams = z.output<typeof DemoParamsSchema>;

export function parseDemoParams(
  input: unknown,
): { ok: true; params: DemoParams } | { ok: false; issues: readonly z.core.$ZodIssue[] } {
  const r = DemoParamsSchema.safeParse(input);
  return r.success ? { ok: true, params: r.data } : { ok: false, issues: r.error.issues };
}
