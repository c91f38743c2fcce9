// UCI Online Retail (Chen, Sain & Guo 2012; CC BY 4.0), invoice level after the usual cleaning:
// test-data/online_retail/invoices.csv. Our pure RFM (file reader → computeRfmMetrics →
// scoreRfm → embedded segment table) against an independent DuckDB SQL computation with NTILE
// window functions and a join on the published segment CSV.
import { fileURLToPath } from 'node:url';
import { computeRfmMetrics } from '@dalbit/core/analytics/rfm/rfm-metrics';
import { scoreRfm } from '@dalbit/core/analytics/rfm/score-rfm';
import { RFM_SEGMENT_LABELS } from '@dalbit/core/analytics/rfm/segments';
import { translator } from '@dalbit/core/i18n/catalog';
import { isoDateToKstDay } from '@dalbit/core/time/kst';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInvoicesFile } from '../../../src/analytics/rfm/read-invoices-file.ts';
import { DuckDbEngine } from '../../../src/engines/duckdb/engine.ts';
import { sql } from '../../../src/engines/engine.ts';

const DATA = new URL('../../../../../test-data/', import.meta.url);
const INVOICES = fileURLToPath(new URL('online_retail/invoices.csv', DATA));
const SEGMENTS = fileURLToPath(new URL('rfm/rfm_11_segments.csv', DATA));

const REFERENCE_SQL = `
WITH inv AS (
  SELECT CAST(CustomerID AS VARCHAR) AS cid, CAST(InvoiceNo AS VARCHAR) AS invoice,
         CAST(InvoiceDate AS DATE) AS d, round(CAST(TotalPrice AS DOUBLE) * 100) AS cents
  FROM read_csv($1, header = true, all_varchar = true)
), agg AS (
  SELECT cid, CAST($2 AS DATE) - max(d) AS recency, count(DISTINCT invoice) AS frequency,
         CAST(sum(cents) AS BIGINT) AS monetary
  FROM inv GROUP BY cid
), scored AS (
  SELECT cid, recency, frequency, monetary,
         6 - NTILE(5) OVER (ORDER BY recency ASC, cid ASC) AS r,
         NTILE(5) OVER (ORDER BY frequency ASC, cid ASC) AS f,
         NTILE(5) OVER (ORDER BY monetary ASC, cid ASC) AS m
  FROM agg
)
SELECT s.cid, s.recency, s.frequency, s.monetary, s.r, s.f, s.m, g.segment
FROM scored s
JOIN read_csv($3, header = true, columns = {'R': 'INTEGER', 'F': 'INTEGER', 'M': 'INTEGER', 'segment': 'VARCHAR'}) g
  ON g.R = s.r AND g.F = s.f AND g.M = s.m
ORDER BY s.cid`;

describe('RFM on Online Retail, analysis date 2011-12-10', () => {
  let engine: DuckDbEngine;
  beforeAll(async () => {
    engine = await DuckDbEngine.open(':memory:');
  });
  afterAll(async () => {
    await engine.close();
  });

  it('every customer has the same recency, frequency, monetary, scores and segment as DuckDB NTILE', async () => {
    const { purchases, issues } = await readInvoicesFile(INVOICES, translator('en'));
    expect(issues).toEqual([]);
    const ours = scoreRfm(computeRfmMetrics(purchases, { asOfDay: isoDateToKstDay('2011-12-10') as number }));
    const ref = await engine.query<{
      cid: string;
      recency: number;
      frequency: number;
      monetary: number;
      r: number;
      f: number;
      m: number;
      segment: string;
    }>(sql(REFERENCE_SQL, [INVOICES, '2011-12-10', SEGMENTS], ['string', 'string', 'string']));
    expect(ref).toHaveLength(4338);
    expect(ours).toHaveLength(4338);
    const byId = new Map(ours.map((s) => [s.customerId, s]));
    let mismatches = 0;
    for (const x of ref) {
      const s = byId.get(x.cid);
      const same =
        s !== undefined &&
        s.recencyDays === x.recency &&
        s.frequency === x.frequency &&
        s.monetary === x.monetary &&
        s.r === x.r &&
        s.f === x.f &&
        s.m === x.m &&
        RFM_SEGMENT_LABELS[s.segment].en === x.segment;
      if (!same) mismatches++;
    }
    expect(mismatches).toBe(0);
    // sanity on the data itself: the most recent invoices are on 2011-12-09 (recency 1)
    expect(Math.min(...ours.map((s) => s.recencyDays))).toBe(1);
  });
});
