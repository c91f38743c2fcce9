import type { Migration } from '../schema/migrations.ts';
import { col, type TableDef } from '../schema/table.ts';

/**
 * A column mapping saved under a name (decision 0017): per source kind, in the brand's warehouse,
 * shared by everyone who may import. `headers` are the columns of the file it was saved from.
 */
export const IMPORT_MAPPINGS: TableDef = {
  name: 'import_mappings',
  key: ['mapping_id'],
  columns: [
    col('mapping_id', 'string'),
    col('name', 'string'),
    col('source_kind', 'string'),
    col('mapping', 'json'), // MappingFile: source, columns, channel
    col('headers', 'json'), // string[]
    col('created_by', 'string'),
    col('created_at', 'timestamp'),
    col('updated_by', 'string'),
    col('updated_at', 'timestamp'),
  ],
};

/**
 * An import started from the dashboard: its last known phase and, once ended, its outcome. A job
 * whose server stopped while it ran is marked `interrupted` when the next server starts.
 */
export const IMPORT_JOBS: TableDef = {
  name: 'import_jobs',
  key: ['job_id'],
  columns: [
    col('job_id', 'string'),
    col('upload_id', 'string'),
    col('file_name', 'string'),
    col('actor', 'string'),
    col('created_at', 'timestamp'),
    col('updated_at', 'timestamp'),
    col('phase', 'string'), // queued | reading | writing | refreshing | done | failed | interrupted
    col('fraction', 'float'),
    col('rows_read', 'int'),
    col('bytes_read', 'int'),
    col('total_bytes', 'int'),
    col('state', 'json'), // summary, error, refreshFailed, rejectsPath, interruptedIn
  ],
};

/** Import page state (versions 110–119). */
export const IMPORT_STATE_MIGRATIONS: readonly Migration[] = [
  {
    version: 110,
    name: 'saved import mappings and import jobs',
    steps: [IMPORT_MAPPINGS, IMPORT_JOBS].map((table) => ({ kind: 'create_table', table })),
  },
];
