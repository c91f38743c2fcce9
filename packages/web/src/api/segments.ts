import { getJson, postForBlob, postJson } from './client.ts';

export type Label = { readonly ko: string; readonly en: string };
export type Definition = { readonly version: 1; readonly root: unknown };

export interface ParamSchema {
  readonly type?: 'integer' | 'number' | 'string';
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface Recipe {
  readonly name: string;
  readonly title: Label;
  readonly purpose: string;
  readonly type: Label;
  readonly action: Label;
  readonly goldenTime: Label;
  readonly description: Label;
  readonly params: { readonly properties?: Record<string, ParamSchema>; readonly required?: readonly string[] };
  readonly defaults: Record<string, unknown>;
  readonly definition: Definition | null;
}

export interface PickerValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export type PickerKind =
  | 'stores'
  | 'channels'
  | 'categories'
  | 'products'
  | 'event_types'
  | 'utm_sources'
  | 'utm_mediums'
  | 'utm_campaigns';

/** POST /api/recipes/{name}/build — the definition for these parameters and the filled description. */
export const buildRecipe = (
  name: string,
  params: Record<string, unknown>,
): Promise<{ definition: Definition; description: Label }> =>
  postJson(`/api/recipes/${encodeURIComponent(name)}/build`, { params });

/** GET /api/values/{kind} — picker values from the warehouse, most used first. */
export const fetchValues = (kind: PickerKind, signal?: AbortSignal): Promise<{ values: PickerValue[] }> =>
  getJson(`/api/values/${kind}`, {}, signal);

export interface EventPropertyKey {
  readonly key: string;
  readonly count: number;
  readonly values: readonly { readonly value: string; readonly count: number }[];
}

/** GET /api/event-properties — property keys of recent events (of one type) with their common values. */
export const fetchEventProperties = (
  type: string | undefined,
  signal?: AbortSignal,
): Promise<{ keys: EventPropertyKey[] }> => getJson('/api/event-properties', { type }, signal);

export interface SegmentHeader {
  readonly segmentId: string;
  readonly name: string;
  readonly recipe: string | null;
  readonly currentVersion: number;
  readonly pinned: boolean;
  readonly updatedAt: string;
}

/** GET /api/segment-sizes — live size of every active (or archived) saved segment and yesterday's refreshed size. */
export const fetchSegmentSizes = (
  signal?: AbortSignal,
  status: 'active' | 'archived' = 'active',
): Promise<{ sizes: Record<string, number>; yesterday: Record<string, number | null> }> =>
  getJson('/api/segment-sizes', { status }, signal);

/** POST /api/segments/{id}/versions — the edited definition becomes a new version. */
export const saveSegmentVersion = (id: string, definition: unknown): Promise<unknown> =>
  postJson(`/api/segments/${encodeURIComponent(id)}/versions`, { definition });

/** POST /api/segments/{id}/archive — removes the segment from the list (history kept). */
export const archiveSegment = (id: string): Promise<unknown> =>
  postJson(`/api/segments/${encodeURIComponent(id)}/archive`);

/** POST /api/segments/{id}/export — the members as a masked CSV/XLSX file. */
export const exportSegmentFile = (id: string, format: 'csv' | 'xlsx'): Promise<Blob> =>
  postForBlob(`/api/segments/${encodeURIComponent(id)}/export`, { format });
