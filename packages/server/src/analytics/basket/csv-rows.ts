/**
 * RFC 4180 rows with the line each starts on (quoted fields, `""` escapes, embedded newlines,
 * CRLF/LF). Kept local to the analytics file readers so their input format stays fixed; an
 * unterminated quote is reported through `onIssue` and ends the input.
 */
export function* csvRows(
  text: string,
  onIssue: (issue: { line: number; message: string }) => void,
): Generator<{ fields: string[]; line: number }> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === 10) line++;
        field += text[i];
      }
    } else if (ch === 34) {
      quoted = true;
      quoteLine = line;
    } else if (ch === 44) {
      row.push(field);
      field = '';
    } else if (ch === 10 || ch === 13) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      row.push(field);
      yield { fields: row, line: rowLine };
      row = [];
      field = '';
      line++;
      rowLine = line;
    } else field += text[i];
  }
  if (quoted) {
    onIssue({ line: quoteLine, message: 'unterminated quoted field' });
    return;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    yield { fields: row, line: rowLine };
  }
}
