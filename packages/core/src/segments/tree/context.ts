import { toKstDay } from '../../time/kst.ts';

/** What a condition compiles against: the asOf instant and a deterministic alias supply. */
export interface TreeContext {
  readonly asOf: Date;
  /** KST day number of asOf. */
  readonly today: number;
  /** The features row of the customer under test. */
  readonly base: string;
  alias(prefix: string): string;
}

export const BASE_ALIAS = 'f';

export function createContext(asOf: Date): TreeContext {
  let n = 0;
  return {
    asOf,
    today: toKstDay(asOf),
    base: BASE_ALIAS,
    alias: (prefix) => `${prefix}${++n}`,
  };
}
