import { col, type TableDef } from '../../schema/table.ts';

/** One clustering run (append-only): parameters, the silhouette criterion and the cluster summary. */
export const CLUSTER_RUNS: TableDef = {
  name: 'cluster_runs',
  key: ['run_id'],
  columns: [
    col('run_id', 'string'),
    col('as_of', 'timestamp'),
    col('created_at', 'timestamp'),
    col('k', 'int'),
    col('seed', 'int'),
    col('criterion', 'string'), // silhouette | fixed
    col('silhouette', 'float'),
    col('customers', 'int'),
    col('summary', 'json'), // clusters (label ko/en, size, share, revenue, contrasts), silhouette by k, features
  ],
};

/** Cluster membership of every clustered customer in a run (1 = the largest cluster). */
export const CLUSTER_ASSIGNMENTS: TableDef = {
  name: 'cluster_assignments',
  key: ['run_id', 'cluster', 'customer_id'],
  columns: [col('run_id', 'string'), col('cluster', 'int'), col('customer_id', 'string')],
};
