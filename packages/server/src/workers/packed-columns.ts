/**
 * Columns for results of millions of rows that cross to the fit worker: numbers in typed arrays
 * (moved, not copied, by `postMessage`'s transfer list) and repeated strings numbered through a
 * dictionary. A million small objects take seconds to clone on the event loop and leave garbage that
 * stalls it again in the next major GC; these take one copy of a few buffers.
 */

const SEPARATOR = '\u0000';

/** Strings numbered in first-seen order. */
export class Dictionary {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  /** The number of `s`, numbering it when new. */
  id(s: string): number {
    let k = this.index.get(s);
    if (k === undefined) {
      k = this.values.length;
      this.index.set(s, k);
      this.values.push(s);
    }
    return k;
  }

  /** The values as one NUL-joined string (one copy across threads); for ids Dalbit writes itself. */
  joined(): string {
    return this.values.join(SEPARATOR);
  }
}

/** The values of `Dictionary.joined`, given how many there were (an empty string may be one value). */
export function splitJoined(joined: string, count: number): string[] {
  return count === 0 ? [] : joined.split(SEPARATOR);
}

/** A typed column that grows as rows arrive. */
export class GrowingColumn<A extends Int32Array | Float64Array> {
  private buffer: A;
  length = 0;

  constructor(private readonly make: (n: number) => A) {
    this.buffer = make(4096);
  }

  push(v: number): void {
    if (this.length === this.buffer.length) {
      const bigger = this.make(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = v;
  }

  /** The values pushed, in a buffer of their own (to transfer). */
  done(): A {
    return this.buffer.slice(0, this.length) as A;
  }
}

export const int32Column = (): GrowingColumn<Int32Array> => new GrowingColumn((n) => new Int32Array(n));
export const float64Column = (): GrowingColumn<Float64Array> => new GrowingColumn((n) => new Float64Array(n));

/** Lets the event loop run (between slices of synchronous work over millions of rows). */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Rows of synchronous work between two turns of the event loop. */
export const SLICE = 8192;

/**
 * Calls `fill(from, to)` over `0 … n` in slices of `SLICE`, yielding to the event loop before each
 * slice after the first (building rows to insert from columns without one long pause).
 */
export async function inSlices(n: number, fill: (from: number, to: number) => void | Promise<void>): Promise<void> {
  for (let from = 0; from < n; from += SLICE) {
    if (from > 0) await yieldToLoop();
    await fill(from, Math.min(n, from + SLICE));
  }
}
