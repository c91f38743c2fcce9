/**
 * CSV text in one place: RFC 4180 quoting, plus formula neutralisation as its own explicit layer.
 * Files people open in Excel or Sheets (segment exports, reports, CLI output) ask for
 * `neutralizeFormulas: true`; files that must keep source text byte for byte (demo source exports,
 * import rejects meant for re-import) ask for `false`.
 */
export type CsvCell = string | number;

export interface CsvLineOptions {
  /** Prefix text cells that a spreadsheet would run as formulas with an apostrophe. */
  readonly neutralizeFormulas: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Spreadsheet formula injection (CWE-1236): a text cell that starts with = + - @ (or tab / CR) is
 * prefixed with an apostrophe so Excel and Sheets show it as text. Numbers are never changed.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function quoteCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (no line end) of `cells`. */
export function toCsvLine(cells: readonly CsvCell[], opts: CsvLineOptions): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? '';
    const text = typeof cell === 'number' ? String(cell) : opts.neutralizeFormulas ? neutralizeFormula(cell) : cell;
    line += (i === 0 ? '' : ',') + quoteCsvField(text);
  }
  return line;
}
