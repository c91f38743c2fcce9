import { parseArmWeights, parseExperimentCsv } from '@dalbit/core/experiments/parse-experiment-csv';
import { describeFileIssue } from '@dalbit/core/experiments/render-analysis';
import { describe, expect, it } from 'vitest';

describe('parseExperimentCsv', () => {
  it('reads columns in any order, BOM, CRLF, quotes and extra columns', () => {
    const text =
      '\uFEFFcustomer_id,Revenue,ARM,converted,pre_revenue\r\n"c,1",5000.00,A,1,1200\r\nc2,0,"control",0,0\r\n\r\n';
    const r = parseExperimentCsv(text);
    expect(r).toEqual({
      ok: true,
      rows: [
        { arm: 'A', converted: true, revenue: 5000, preRevenue: 1200 },
        { arm: 'control', converted: false, revenue: 0, preRevenue: 0 },
      ],
    });
  });

  it('collects every bad row with line and column', () => {
    const r = parseExperimentCsv('arm,converted,revenue,pre_revenue\nA,1,5000,0\nB,x,12.5,\n,0,300,0\nC,1\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => describeFileIssue(i, 'en'))).toEqual([
      'line 3, converted: must be 0/1 (or true/false) ("x")',
      'line 3, revenue: must be a non-negative whole KRW amount ("12.5")',
      'line 3, pre_revenue: must be a non-negative whole KRW amount ("")',
      'line 4, arm: arm is empty',
      'line 4, revenue: revenue > 0 for a customer who did not convert ("300")',
      'line 5: field count differs from the header ("2/4")',
    ]);
    expect(describeFileIssue(r.issues[0] ?? { code: 'EMPTY_FILE', line: 0 }, 'ko')).toBe(
      '3행, converted: 0/1(또는 true/false)이어야 합니다 ("x")',
    );
  });

  it('reports missing columns and empty files', () => {
    expect(parseExperimentCsv('arm,revenue\nA,1\n')).toEqual({
      ok: false,
      issues: [{ code: 'MISSING_COLUMN', line: 1, column: 'converted' }],
    });
    expect(parseExperimentCsv('')).toEqual({ ok: false, issues: [{ code: 'EMPTY_FILE', line: 1 }] });
    expect(parseExperimentCsv('arm,converted,revenue\n')).toEqual({
      ok: false,
      issues: [{ code: 'EMPTY_FILE', line: 2 }],
    });
    expect(parseExperimentCsv('arm,converted,revenue\n"A,1,0\n')).toEqual({
      ok: false,
      issues: [{ code: 'UNTERMINATED_QUOTE', line: 2 }],
    });
  });
});

describe('parseArmWeights', () => {
  it('parses relative weights and rejects malformed parts', () => {
    expect(parseArmWeights('control=0.1, A=0.45,B=.45')).toEqual({
      ok: true,
      weights: [
        { name: 'control', weight: 0.1 },
        { name: 'A', weight: 0.45 },
        { name: 'B', weight: 0.45 },
      ],
    });
    expect(parseArmWeights('control=1,A=-1')).toEqual({ ok: false, part: 'A=-1' });
    expect(parseArmWeights('control=1,control=2')).toEqual({ ok: false, part: 'control=2' });
    expect(parseArmWeights('control')).toEqual({ ok: false, part: 'control' });
  });
});
