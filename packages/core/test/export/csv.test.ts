import { describe, expect, it } from 'vitest';
import { neutralizeFormula, quoteCsvField, toCsvLine } from '../../src/export/csv.ts';
import { openWorkbook } from '../../src/ingest/xlsx/open-workbook.ts';
import { readSheetRows } from '../../src/ingest/xlsx/read-sheet-rows.ts';
import { writeXlsx } from '../../src/ingest/xlsx/write-xlsx.ts';

describe('CSV text', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutralizeFormula(bad)).toBe(`'${bad}`);
    expect(neutralizeFormula('홍길동')).toBe('홍길동');
    expect(neutralizeFormula('010-1234')).toBe('010-1234');
  });

  it('quotes per RFC 4180 and neutralises only when asked, never numbers', () => {
    expect(quoteCsvField('a,"b"\r\nc')).toBe('"a,""b""\r\nc"');
    const cells = ['=HYPERLINK("http://x","y")', -3, '+82 10', '평범'];
    expect(toCsvLine(cells, { neutralizeFormulas: true })).toBe(`"'=HYPERLINK(""http://x"",""y"")",-3,'+82 10,평범`);
    expect(toCsvLine(cells, { neutralizeFormulas: false })).toBe(`"=HYPERLINK(""http://x"",""y"")",-3,+82 10,평범`);
  });
});

describe('in-memory XLSX', () => {
  it('drops the control characters XML 1.0 forbids, so the workbook still opens', () => {
    const bytes = writeXlsx([{ name: 'S\u0001heet', rows: [['a\u0000b\u0008c\u000bd', 'tab\there']] }]);
    const wb = openWorkbook(bytes);
    const sheet = wb.sheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('Sheet');
    const rows = [...readSheetRows(wb.sheetXml(sheet.path), wb.sharedStrings)];
    expect(rows[0]?.cells).toEqual(['abcd', 'tab\there']);
  });
});
