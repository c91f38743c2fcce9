/** Solapi credentials and endpoint; built from configuration in `main.ts`, never from code. */
export interface SolapiConfig {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Default `https://api.solapi.com`. */
  readonly baseUrl?: string;
  /** Messages per request; Solapi accepts up to 10,000. */
  readonly maxBatch?: number;
  readonly timeoutMs?: number;
  /** Clock for the `date` of the signature (tests pass a fixed one). */
  readonly clock?: () => Date;
  /** Salt generator for the signature (random by default). */
  readonly salt?: () => string;
}

export const SOLAPI_MAX_BATCH = 10_000;
