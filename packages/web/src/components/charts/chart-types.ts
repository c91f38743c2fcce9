/** One labelled value of a chart (labels are shown as given: Korean text renders with the bundled font). */
export interface Datum {
  readonly label: string;
  readonly value: number;
  /** Optional colour; defaults to the palette in order. */
  readonly color?: string;
}

export const PALETTE = ['#3b5bdb', '#f08c00', '#2b8a3e', '#c2255c', '#7048e8', '#1098ad', '#e8590c', '#5c940d'];

export const colorAt = (i: number, d?: Datum): string => d?.color ?? PALETTE[i % PALETTE.length] ?? '#3b5bdb';
