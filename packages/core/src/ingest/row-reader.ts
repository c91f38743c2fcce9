import { type Birthday, parseBirthday } from './normalise/birthday.ts';
import { type Cell, cellText } from './normalise/cell.ts';
import { parseTimestamp } from './normalise/date.ts';
import { normaliseEmail } from './normalise/email.ts';
import { parseFlag, parseGender, parseLunarFlag } from './normalise/flags.ts';
import { parseMoney } from './normalise/money.ts';
import { normalisePhone, type PhoneInfo } from './normalise/phone.ts';
import type { RowIssue } from './records.ts';

export interface ReadOptions {
  readonly amountScale?: number;
  readonly offsetMinutes?: number;
  readonly date1904?: boolean;
}

/**
 * Typed access to the fields of one input row. Every refusal becomes a `RowIssue` (with the
 * file's own header as column) and marks the row failed; mappers emit records only for rows
 * that did not fail. One instance is reused for every row of a file.
 */
export class RowReader {
  line = 0;
  failed = false;
  /** Normalised values of the row, kept only for rows shown in a preview. */
  capture: Record<string, unknown> | undefined;
  private cells: readonly Cell[] = [];

  constructor(
    readonly file: string,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly headers: readonly string[],
    private readonly issues: RowIssue[],
    readonly options: ReadOptions = {},
  ) {}

  reset(cells: readonly Cell[], line: number, capture?: Record<string, unknown>): void {
    this.cells = cells;
    this.line = line;
    this.failed = false;
    this.capture = capture;
  }

  has(field: string): boolean {
    return this.columns.has(field);
  }

  header(field: string): string {
    const i = this.columns.get(field);
    return i === undefined ? field : (this.headers[i] ?? field);
  }

  raw(field: string): Cell | undefined {
    const i = this.columns.get(field);
    return i === undefined ? undefined : this.cells[i];
  }

  fail(field: string | undefined, code: RowIssue['code'], message: string): void {
    this.failed = true;
    const column = field === undefined ? undefined : this.header(field);
    const value = field === undefined || code === 'MISSING' ? undefined : cellText(this.raw(field));
    this.issues.push({
      file: this.file,
      line: this.line,
      ...(column === undefined ? {} : { column }),
      code,
      message,
      ...(value === undefined ? {} : { value }),
    });
  }

  private keep<T>(field: string, v: T): T {
    if (this.capture && v !== undefined) this.capture[field] = v;
    return v;
  }

  text(field: string): string | undefined {
    const v = cellText(this.raw(field));
    return this.keep(field, v);
  }

  /** Identifier text: numeric cells print without exponent or trailing `.0`. */
  id(field: string, required = false): string | undefined {
    const c = this.raw(field);
    const v = typeof c === 'number' && Number.isSafeInteger(c) ? String(c) : cellText(c);
    if (v === undefined && required) this.fail(field, 'MISSING', 'required value is empty');
    return this.keep(field, v);
  }

  timestamp(field: string, required = false): Date | undefined {
    const r = parseTimestamp(this.raw(field), this.dateOptions());
    if (r === undefined) {
      if (required) this.fail(field, 'MISSING', 'required date is empty');
      return undefined;
    }
    if (!r.ok) return void this.fail(field, 'BAD_DATE', r.reason);
    return this.keep(field, r.value);
  }

  money(field: string): number | undefined {
    const r = parseMoney(this.raw(field), this.options.amountScale);
    if (r === undefined) return undefined;
    if (!r.ok) return void this.fail(field, 'BAD_NUMBER', r.reason);
    return this.keep(field, r.value);
  }

  /** A whole number (quantities); `scale` never applies. */
  integer(field: string): number | undefined {
    const r = parseMoney(this.raw(field));
    if (r === undefined) return undefined;
    if (!r.ok) return void this.fail(field, 'BAD_NUMBER', r.reason.replace('amount', 'number'));
    return this.keep(field, r.value);
  }

  phone(field: string): PhoneInfo | undefined {
    const p = normalisePhone(this.raw(field));
    if (p?.kind === 'invalid') return void this.fail(field, 'BAD_PHONE', p.reason);
    return this.keep(field, p?.kind === 'masked' ? undefined : p);
  }

  email(field: string): string | undefined {
    const r = normaliseEmail(this.raw(field));
    if (r === undefined) return undefined;
    if (!r.ok) return void this.fail(field, 'BAD_EMAIL', r.reason);
    return this.keep(field, r.value);
  }

  flag(field: string): boolean | undefined {
    const r = parseFlag(this.raw(field));
    if (r === undefined) return undefined;
    if (!r.ok) return void this.fail(field, 'BAD_VALUE', r.reason);
    return this.keep(field, r.value);
  }

  lunar(field: string, solarWhenTrue: boolean): boolean | undefined {
    const r = parseLunarFlag(this.raw(field), solarWhenTrue);
    if (r === undefined) return undefined;
    if (!r.ok) return void this.fail(field, 'BAD_VALUE', r.reason);
    return this.keep(field, r.value);
  }

  gender(field: string): 'F' | 'M' | undefined {
    const r = parseGender(this.raw(field));
    if (r === undefined) return undefined;
    if (!r.ok) return void this.fail(field, 'BAD_VALUE', r.reason);
    return this.keep(field, r.value);
  }

  birthday(field: string): Birthday | undefined {
    const r = parseBirthday(this.raw(field));
    if (r === undefined) return undefined;
    if (!r.ok) return void this.fail(field, 'BAD_DATE', r.reason);
    return this.keep(field, r.value);
  }

  private dateOptions(): { offsetMinutes?: number; date1904?: boolean } {
    const o: { offsetMinutes?: number; date1904?: boolean } = {};
    if (this.options.offsetMinutes !== undefined) o.offsetMinutes = this.options.offsetMinutes;
    if (this.options.date1904) o.date1904 = true;
    return o;
  }
}
