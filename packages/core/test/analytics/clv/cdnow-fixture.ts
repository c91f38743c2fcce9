// CDNOW 1/10 sample (2,357 customers who first bought in Q1 1997), as published by Bruce Hardie
// (brucehardie.com) and redistributed with the BTYD and lifetimes packages; see test-data/README.md.
import { readFileSync } from 'node:fs';
import type { DatedPurchase } from '../../../src/analytics/clv/build-cbs.ts';
import type { CbsRow } from '../../../src/analytics/clv/cbs.ts';
import { parseCbsCsv } from '../../../src/analytics/clv/parse-cbs-csv.ts';
import { daysFromCivil } from '../../../src/time/kst.ts';

const DATA = new URL('../../../../../test-data/', import.meta.url);

export const CDNOW_CBS_PATH = new URL('cdnow/cdnow_sample_cbs.csv', DATA);
export const CDNOW_ELOG_PATH = new URL('cdnow/cdnow_sample_elog.csv', DATA);
export const GROCERY_ELOG_PATH = new URL('grocer_elog/grocery_elog.csv', DATA);

export function loadCdnowCbs(): readonly CbsRow[] {
  const parsed = parseCbsCsv(readFileSync(CDNOW_CBS_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  return parsed.rows;
}

/** `masterid,sampleid,date(YYYYMMDD),cds,sales` → purchases keyed by the sample id (the CBS `cust`). */
export function loadCdnowElog(): DatedPurchase[] {
  return readFileSync(CDNOW_ELOG_PATH, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, sampleId = '', date = '', , sales = ''] = line.split(',');
      return {
        customerId: sampleId,
        day: daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8))),
        amount: Number(sales),
      };
    });
}

/** `cust,date(YYYY-MM-DD)` of the online grocer (BTYDplus `groceryElog`). */
export function loadGroceryElog(): DatedPurchase[] {
  return readFileSync(GROCERY_ELOG_PATH, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [cust = '', date = ''] = line.replaceAll('"', '').split(',');
      return {
        customerId: cust,
        day: daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))),
        amount: 0,
      };
    });
}

export const CDNOW_CALIBRATION_END = daysFromCivil(1997, 9, 30);
export const CDNOW_HOLDOUT_END = daysFromCivil(1998, 6, 30);
