import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/ingest/xlsx/open-workbook.ts';
import { readSheetRows } from '../../src/ingest/xlsx/read-sheet-rows.ts';
import { writeXlsx } from '../../src/ingest/xlsx/write-xlsx.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A workbook written by hand, the way Excel and other producers lay parts out. */
function handWritten(sheet: string, sst: string, workbookPr = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${workbookPr}<sheets><sheet name="주문" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId7" Type="x/worksheet" Target="worksheets/orders.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(sst),
    'xl/worksheets/orders.xml': strToU8(sheet),
  });
}

function rowsOf(bytes: Uint8Array) {
  const wb = openWorkbook(bytes);
  const sheet = wb.sheets[0];
  if (!sheet) throw new Error('no sheet');
  return { wb, rows: [...readSheetRows(wb.sheetXml(sheet.path), wb.sharedStrings)] };
}

describe('xlsx reader', () => {
  it('reads shared, rich-text, inline and formula strings, numbers, booleans and gaps', () => {
    const sst = `<sst xmlns="${MAIN}" count="3"><si><t>주문번호</t></si><si><r><rPr><b/></rPr><t>상품</t></r><r><t xml:space="preserve">명 </t></r></si><si><t>A&amp;B &lt;세트&gt;_x000D_</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData>
      <row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
      <row r="3"><c r="A3" t="inlineStr"><is><t>2024-0001</t></is></c><c r="C3" t="s"><v>2</v></c><c r="D3"><v>45352.5</v></c></row>
      <row r="4"><c r="B4" t="b"><v>1</v></c><c r="C4" t="str"><f>A1&amp;"x"</f><v>계산&amp;값</v></c><c r="D4" s="2"/><c r="E4" t="e"><v>#N/A</v></c></row>
      <row r="5"/>
    </sheetData></worksheet>`;
    const { rows } = rowsOf(handWritten(sheet, sst));
    expect(rows).toEqual([
      { line: 1, cells: ['주문번호', '상품명 '] },
      { line: 3, cells: ['2024-0001', null, 'A&B <세트>\r', 45352.5] },
      { line: 4, cells: [null, true, '계산&값', null, null] },
    ]);
  });

  it('handles namespace prefixes, cells without references and the 1904 date system', () => {
    const sheet = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row><x:row><x:c><x:v>8</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const { wb, rows } = rowsOf(handWritten(sheet, `<sst xmlns="${MAIN}"/>`, '<workbookPr date1904="1"/>'));
    expect(wb.date1904).toBe(true);
    expect(wb.sheets).toEqual([{ name: '주문', path: 'xl/worksheets/orders.xml' }]);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 7] },
      { line: 2, cells: [8] },
    ]);
  });

  it('reads back what the writer wrote, beyond column Z', () => {
    const wide = Array.from({ length: 30 }, (_, i) => (i % 2 ? i : `열${i}`));
    const data = [['주문번호', '금액', '확인'], ['A-1', 12000, true], [], ['B-2', null, false], wide];
    const { rows } = rowsOf(writeXlsx([{ name: 'S', rows: data }]));
    expect(rows).toEqual([
      { line: 1, cells: ['주문번호', '금액', '확인'] },
      { line: 2, cells: ['A-1', 12000, true] },
      { line: 4, cells: ['B-2', null, false] },
      { line: 5, cells: wide },
    ]);
  });

  it('refuses a file that is not a zip archive', () => {
    expect(() => openWorkbook(strToU8('주문번호,금액'))).toThrow(/not a valid .xlsx/);
  });
});
