import type { Engine } from '../engines/engine.ts';
import { IdentityError } from './identity-error.ts';

/** Tables whose rows belong to a customer: `customer_id` is canonical, `origin_customer_id` is where the row began. */
export const CUSTOMER_LINKED_TABLES = [
  'orders',
  'order_items',
  'events',
  'consents',
  'warranties',
  'customer_channels',
  'identities',
  'person_records',
] as const;

/**
 * Identity writes re-point rows with UPDATE … FROM, which DuckDB runs in the import transaction;
 * on ClickHouse they would be asynchronous mutations, so resolution writes are DuckDB-only for now.
 */
export function assertWritableEngine(engine: Engine): void {
  if (engine.dialect.name !== 'duckdb')
    throw new IdentityError(
      'ENGINE_UNSUPPORTED',
      `identity resolution writes need DuckDB; ${engine.dialect.name} is read-only for identities`,
    );
}
