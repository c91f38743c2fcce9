/** One customer of an experiment, as analysed: the arm, whether they converted and what they spent. */
export interface ExperimentRow {
  readonly arm: string;
  readonly converted: boolean;
  /** Revenue in the attribution window (KRW); 0 when not converted. */
  readonly revenue: number;
  /** Revenue in a pre-period of the same length, for CUPED. */
  readonly preRevenue?: number;
  /** Optional label for per-segment lift (who responds). */
  readonly segment?: string;
}
