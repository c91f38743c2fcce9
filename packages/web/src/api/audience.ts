import { getJson, postJson } from './client.ts';

type Label = { readonly ko: string; readonly en: string };

export interface AudienceDetail {
  readonly segment: {
    readonly segmentId: string;
    readonly name: string;
    readonly pinned: boolean;
    readonly currentVersion: number;
  };
  readonly explain: Label;
  readonly count: number;
}

export interface AudienceDay {
  readonly day: string;
  readonly size: number;
  readonly entered: number;
  readonly exited: number;
  readonly refreshedAt: string;
}

export interface Mover {
  readonly customerId: string;
  readonly name: string | null;
}

export interface VersionDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly kept: readonly string[];
  readonly joinChanged: boolean;
}

export interface AudienceVersion {
  readonly version: number;
  readonly createdAt: string;
  readonly note: string | null;
  readonly explain: Label;
  readonly changes: { readonly ko: VersionDiff; readonly en: VersionDiff } | null;
}

const seg = (id: string) => `/api/segments/${encodeURIComponent(id)}`;

export const fetchAudience = (id: string, signal?: AbortSignal): Promise<AudienceDetail> =>
  getJson(seg(id), {}, signal);
export const fetchAudienceDays = (id: string, signal?: AbortSignal): Promise<{ days: AudienceDay[] }> =>
  getJson(`${seg(id)}/days`, {}, signal);
export const fetchMovers = (
  id: string,
  day: string,
  signal?: AbortSignal,
): Promise<{ entered: Mover[]; exited: Mover[] }> => getJson(`${seg(id)}/movers`, { day }, signal);
export const fetchAudienceVersions = (id: string, signal?: AbortSignal): Promise<{ versions: AudienceVersion[] }> =>
  getJson(`${seg(id)}/versions`, {}, signal);
/** POST /api/segments/{id}/header — rename and/or pin. */
export const updateAudienceHeader = (id: string, change: { name?: string; pinned?: boolean }): Promise<unknown> =>
  postJson(`${seg(id)}/header`, change);
