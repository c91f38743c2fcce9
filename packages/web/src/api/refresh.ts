import { getJson, postJson } from './client.ts';

export type RefreshStepName = 'rfm' | 'related_products' | 'clv' | 'traits' | 'features' | 'segments';

/** GET/POST /api/refresh — the warehouse refresh and the server's clock. */
export interface RefreshState {
  readonly now: string;
  readonly running: boolean;
  readonly step: RefreshStepName | null;
  readonly done: number;
  readonly total: number;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly steps: readonly { readonly step: RefreshStepName; readonly ok: boolean }[];
}

export const fetchRefresh = (signal?: AbortSignal): Promise<RefreshState> => getJson('/api/refresh', {}, signal);
export const startRefresh = (): Promise<RefreshState> => postJson('/api/refresh');
