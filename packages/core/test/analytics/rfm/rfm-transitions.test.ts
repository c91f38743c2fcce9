import { describe, expect, it } from 'vitest';
import { rfmTransitions } from '../../../src/analytics/rfm/rfm-transitions.ts';
import type { RfmScore } from '../../../src/analytics/rfm/score-rfm.ts';
import type { RfmSegment } from '../../../src/analytics/rfm/segments.ts';

const s = (customerId: string, segment: RfmSegment): RfmScore =>
  ({ customerId, segment, r: 1, f: 1, m: 1, recencyDays: 0, frequency: 1, monetary: 1 }) as unknown as RfmScore;

describe('rfmTransitions', () => {
  it('counts who moved from which segment to which, new buyers under null', () => {
    const before = [s('a', 'champions'), s('b', 'champions'), s('c', 'at_risk')];
    const after = [
      s('a', 'champions'),
      s('b', 'loyal'),
      s('c', 'lost'),
      s('d', 'new_customers'),
      s('e', 'new_customers'),
    ];
    expect(rfmTransitions(before, after)).toEqual([
      { from: 'champions', to: 'champions', customers: 1 },
      { from: 'champions', to: 'loyal', customers: 1 },
      { from: 'at_risk', to: 'lost', customers: 1 },
      { from: null, to: 'new_customers', customers: 2 },
    ]);
  });
});
