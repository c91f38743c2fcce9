import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_FILES } from '../../src/demo/demo-files.ts';
import { DemoParamsSchema } from '../../src/demo/demo-params.ts';
import { type DemoSink, generateDemoBrand } from '../../src/demo/generate-demo-brand.ts';

function hashRun(input: Parameters<typeof DemoParamsSchema.parse>[0]): {
  digest: string;
  rows: Record<string, number>;
  widths: Map<string, Set<number>>;
} {
  const h = createHash('sha256');
  const rows: Record<string, number> = {};
  const widths = new Map<string, Set<number>>();
  const sink: DemoSink = {
    row(file, cells) {
      h.update(`${file}\t${cells.join('\u0001')}\n`);
      rows[file] = (rows[file] ?? 0) + 1;
      if (!widths.has(file)) widths.set(file, new Set());
      widths.get(file)?.add(cells.length);
    },
    event(e) {
      h.update(`${JSON.stringify(e)}\n`);
      rows.events = (rows.events ?? 0) + 1;
    },
  };
  generateDemoBrand(DemoParamsSchema.parse(input), sink);
  return { digest: h.digest('hex'), rows, widths };
}

describe('generateDemoBrand', () => {
  it('is deterministic: same seed, same rows; another seed, other rows', () => {
    const a = hashRun({ customers: 400, seed: 11 });
    const b = hashRun({ customers: 400, seed: 11 });
    const c = hashRun({ customers: 400, seed: 12 });
    expect(a.digest).toBe(b.digest);
    expect(c.digest).not.toBe(a.digest);
  });

  it('writes rows as wide as each file header, for every file kind', () => {
    const { rows, widths } = hashRun({ customers: 1500, seed: 3 });
    for (const spec of DEMO_FILES) {
      expect(rows[spec.id] ?? 0, spec.id).toBeGreaterThan(0);
      if (spec.format !== 'jsonl') expect([...(widths.get(spec.id) ?? [])], spec.id).toEqual([spec.header.length]);
    }
  });

  it('customer i does not depend on how many customers are generated', () => {
    const rowsOf = (customers: number): string[] => {
      const out: string[] = [];
      generateDemoBrand(DemoParamsSchema.parse({ customers, seed: 5, eventsPerCustomer: 0 }), {
        row: (file, cells) => {
          if (file === 'cafe24_customers') out.push(cells.join('|'));
        },
        event: () => undefined,
      });
      return out;
    };
    const small = rowsOf(100);
    expect(rowsOf(300).slice(0, small.length)).toEqual(small);
  });

  it('gives every event a unique id', () => {
    const ids = new Set<string>();
    let n = 0;
    generateDemoBrand(DemoParamsSchema.parse({ customers: 2000, seed: 7, eventsPerCustomer: 3 }), {
      row: () => undefined,
      event: (e) => {
        ids.add(e.event_id);
        n++;
      },
    });
    expect(n).toBeGreaterThan(2000);
    expect(ids.size).toBe(n);
  });

  it('scales events with eventsPerCustomer and writes none at 0', () => {
    const count = (eventsPerCustomer: number): number =>
      hashRun({ customers: 1500, seed: 9, eventsPerCustomer }).rows.events ?? 0;
    expect(count(0)).toBe(0);
    const at12 = count(12) / 1500;
    const at40 = count(40) / 1500;
    expect(at12).toBeGreaterThan(12 * 0.7);
    expect(at12).toBeLessThan(12 * 1.3);
    expect(at40).toBeGreaterThan(40 * 0.7);
    expect(at40).toBeLessThan(40 * 1.3);
  });
});
