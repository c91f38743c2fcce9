export interface ValueAndGradient {
  readonly value: number;
  readonly gradient: readonly number[];
}

/** A function to minimise with its gradient; a non-finite value means "outside the domain". */
export type DifferentiableObjective = (x: readonly number[]) => ValueAndGradient;

export interface MinimizeResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Why the loop stopped: 'gradient' | 'rounding' | 'no-progress' | 'max-iterations' | 'simplex' | 'start-not-finite'. */
  readonly reason: string;
}
