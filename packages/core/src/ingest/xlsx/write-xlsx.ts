import { strToU8, zipSync } from 'fflate';
import { columnName, escapeXml } from '../../export/xlsx-xml.ts';
import type { Cell } from '../normalise/cell.ts';

/**
 * An in-memory, multi-sheet .xlsx (shared strings, numbers, booleans) for reader tests and
 * benchmarks: the shared-string layout real consoles write, which the streaming export writer
 * (server/export/xlsx-writer, inline strings) does not. Same XML layer (export/xlsx-xml), so
 * control characters XML 1.0 forbids are dropped here too. Dates are given as Excel serials.
 */
export function writeXlsx(sheets: readonly { name: string; rows: readonly (readonly Cell[])[] }[]): Uint8Array {
  const strings = new Map<string, number>();
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet.rows, strings));
  });
  const sst: string[] = [];
  for (const s of strings.keys()) sst.push(`<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
  const sheetList = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const rels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const n = sheets.length;
  files['[Content_Types].xml'] = strToU8(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML}<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `${XML}<sst xmlns="${MAIN}" count="${sst.length}" uniqueCount="${sst.length}">${sst.join('')}</sst>`,
  );
  files['xl/styles.xml'] = strToU8(
    `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`,
  );
  return zipSync(files, { level: 1 });
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

function sheetXml(rows: readonly (readonly Cell[])[], strings: Map<string, number>): string {
  const parts: string[] = [`${XML}<worksheet xmlns="${MAIN}"><sheetData>`];
  rows.forEach((row, r) => {
    let s = `<row r="${r + 1}">`;
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      const ref = `${columnName(c)}${r + 1}`;
      if (typeof v === 'number') s += `<c r="${ref}"><v>${v}</v></c>`;
      else if (typeof v === 'boolean') s += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      else {
        let id = strings.get(v);
        if (id === undefined) {
          id = strings.size;
          strings.set(v, id);
        }
        s += `<c r="${ref}" t="s"><v>${id}</v></c>`;
      }
    });
    parts.push(`${s}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}
