import { RELATED_PRODUCT_RUNS } from '../../schema/analytics-tables.ts';
import type { Migration } from '../../schema/migrations.ts';
import { CLUSTER_ASSIGNMENTS, CLUSTER_RUNS } from './tables.ts';

/** Analytics migrations (versions 20–29). */
export const ANALYTICS_MIGRATIONS: readonly Migration[] = [
  {
    version: 20,
    name: 'cluster runs and assignments',
    steps: [CLUSTER_RUNS, CLUSTER_ASSIGNMENTS].map((table) => ({ kind: 'create_table', table }) as const),
  },
  {
    version: 21,
    name: 'related product runs (which run and thresholds wrote related_products)',
    steps: [{ kind: 'create_table', table: RELATED_PRODUCT_RUNS }],
  },
];
