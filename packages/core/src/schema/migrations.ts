import { ANALYTICS_MIGRATIONS } from '../analytics/clusters/migrations.ts';
import { AUTH_MIGRATIONS } from '../auth/migrations.ts';
import { CAMPAIGN_MIGRATIONS } from '../campaigns/migrations.ts';
import { MESSAGE_EVENTS, MESSAGES, ONSITE_IMPRESSIONS, ONSITE_MESSAGES } from '../channels/tables.ts';
import { CONSENT_NOTICES, OPT_OUTS } from '../compliance/tables.ts';
import { CONNECTOR_MIGRATIONS } from '../connectors/tables.ts';
import { MERGE_SNAPSHOTS, NEVER_MERGE, PERSON_RECORD_PROFILE_COLUMNS, PERSON_RECORDS } from '../identity/tables.ts';
import { IMPORT_STATE_MIGRATIONS } from '../ingest/import-state-tables.ts';
import { TRACKER_MIGRATIONS } from '../ingest/tracker-tables.ts';
import { SEGMENT_MIGRATIONS } from '../segments/migrations.ts';
import { CLV_SCORES, CUSTOMER_TRAITS, RELATED_PRODUCTS, RFM_SCORES } from './analytics-tables.ts';
import type { ColumnDef, TableDef } from './table.ts';
import {
  ACCESS_LOG,
  CONSENTS,
  CUSTOMER_CHANNELS,
  CUSTOMERS,
  EVENTS,
  IDENTITIES,
  IMPORT_DETAIL_COLUMNS,
  IMPORTS,
  MERGES,
  ORDER_ITEMS,
  ORDERS,
  PRODUCTS,
  STATS_SUMMARY,
  WARRANTIES,
} from './tables.ts';

/** A forward-only schema step, rendered to DDL by each engine. */
export type MigrationStep =
  | { readonly kind: 'create_table'; readonly table: TableDef }
  | { readonly kind: 'add_column'; readonly table: string; readonly column: ColumnDef };

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly steps: readonly MigrationStep[];
}

const create = (table: TableDef): MigrationStep => ({ kind: 'create_table', table });

/**
 * Append new migrations at the end with the next version; never edit a released one.
 * Later capabilities (segments, campaigns, experiments) add their tables here.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'warehouse',
    steps: [
      CUSTOMERS,
      IDENTITIES,
      CUSTOMER_CHANNELS,
      MERGES,
      ORDERS,
      ORDER_ITEMS,
      PRODUCTS,
      EVENTS,
      CONSENTS,
      WARRANTIES,
      IMPORTS,
      ACCESS_LOG,
    ].map(create),
  },
  {
    version: 2,
    name: 'analytics outputs',
    steps: [RFM_SCORES, CLV_SCORES, RELATED_PRODUCTS, CUSTOMER_TRAITS].map(create),
  },
  {
    version: 3,
    name: 'identity resolution state',
    steps: [PERSON_RECORDS, MERGE_SNAPSHOTS, NEVER_MERGE].map(create),
  },
  {
    version: 4,
    name: 'person record profiles',
    steps: PERSON_RECORD_PROFILE_COLUMNS.map(
      (column): MigrationStep => ({ kind: 'add_column', table: 'person_records', column }),
    ),
  },
  {
    version: 40,
    name: 'messages, opt-outs, on-site messages, consent notices',
    steps: [MESSAGES, MESSAGE_EVENTS, ONSITE_MESSAGES, OPT_OUTS, CONSENT_NOTICES].map(create),
  },
  {
    version: 41,
    name: 'on-site impressions',
    steps: [ONSITE_IMPRESSIONS].map(create),
  },
  ...SEGMENT_MIGRATIONS,
  ...CAMPAIGN_MIGRATIONS,
  ...ANALYTICS_MIGRATIONS,
  ...AUTH_MIGRATIONS,
  ...TRACKER_MIGRATIONS,
  {
    version: 80,
    name: 'access log sequence numbers (keyed hash chain)',
    steps: [{ kind: 'add_column', table: 'access_log', column: { name: 'seq', type: 'int', nullable: true } }],
  },
  {
    version: 81,
    name: 'import history: who ran it and what it did to customers and orders',
    steps: IMPORT_DETAIL_COLUMNS.map((column): MigrationStep => ({ kind: 'add_column', table: 'imports', column })),
  },
  ...CONNECTOR_MIGRATIONS,
  {
    version: 100,
    name: 'stats summary (the costly headline figures, emptied by writes and filled on read)',
    steps: [STATS_SUMMARY].map(create),
  },
  ...IMPORT_STATE_MIGRATIONS,
];

/** Table definitions as of the latest migration (for fixtures and introspection). */
export function currentTables(migrations: readonly Migration[] = MIGRATIONS): Map<string, TableDef> {
  const tables = new Map<string, TableDef>();
  for (const m of migrations) {
    for (const s of m.steps) {
      if (s.kind === 'create_table') tables.set(s.table.name, s.table);
      else {
        const t = tables.get(s.table);
        if (t) tables.set(t.name, { ...t, columns: [...t.columns, s.column] });
      }
    }
  }
  return tables;
}

let latest: Map<string, TableDef> | undefined;

/** The definition of a warehouse table as of the latest migration (row changes need its columns). */
export function tableDef(name: string): TableDef {
  latest ??= currentTables();
  const t = latest.get(name);
  if (!t) throw new RangeError(`unknown warehouse table: ${name}`);
  return t;
}
