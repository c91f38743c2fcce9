import { col, type TableDef } from './table.ts';

/**
 * Outputs of the analytics jobs, read by segments (analytics hooks) and message templates.
 * Each table holds the latest run (`as_of` says when it was computed); jobs replace it whole.
 */
export const RFM_SCORES: TableDef = {
  name: 'rfm_scores',
  key: ['customer_id'],
  columns: [
    col('customer_id', 'string'),
    col('as_of', 'timestamp'),
    col('recency_days', 'int'),
    col('frequency', 'int'),
    col('monetary', 'int'),
    col('r_score', 'int'),
    col('f_score', 'int'),
    col('m_score', 'int'),
    col('segment', 'string'), // english key: champions | loyal | potential_loyalists | ... | lost
  ],
};

export const CLV_SCORES: TableDef = {
  name: 'clv_scores',
  key: ['customer_id'],
  columns: [
    col('customer_id', 'string'),
    col('as_of', 'timestamp'),
    col('p_alive', 'float'),
    col('expected_purchases_30d', 'float'),
    col('expected_purchases_90d', 'float'),
    col('expected_spend', 'float'), // Gamma-Gamma expected value of one transaction, KRW
    col('clv_1y', 'float'), // expected spend over the next 365 days, KRW
  ],
};

/** "Related products": consequents of basket rules whose antecedents the customer bought. */
export const RELATED_PRODUCTS: TableDef = {
  name: 'related_products',
  key: ['customer_id', 'rank'],
  columns: [
    col('customer_id', 'string'),
    col('as_of', 'timestamp'),
    col('rank', 'int'), // 1 = best
    col('product_id', 'string'),
    col('score', 'float'), // lift × confidence of the best supporting rule
  ],
};

/**
 * Which run wrote the current `related_products` (migration 21), one row per run, newest `run_at`
 * current: `computed_by` 'refresh' (the daily refresh's rules) or 'cli' (`dalbit basket rules --store`
 * with the thresholds in `params`), so the dashboard and API can say whose rules audiences use.
 */
export const RELATED_PRODUCT_RUNS: TableDef = {
  name: 'related_product_runs',
  key: ['run_at'],
  appendOnly: true,
  columns: [
    col('run_at', 'timestamp'),
    col('as_of', 'timestamp'),
    col('computed_by', 'string'),
    col('params', 'json'),
    col('rule_count', 'int'),
    col('customer_count', 'int'),
    col('row_count', 'int'),
  ],
};

export const CUSTOMER_TRAITS: TableDef = {
  name: 'customer_traits',
  key: ['customer_id'],
  columns: [
    col('customer_id', 'string'),
    col('as_of', 'timestamp'),
    col('discount_order_share', 'float', true),
    col('avg_discount_rate', 'float', true),
    col('coupon_uses', 'int', true),
    col('cherry_picker_score', 'float', true),
    col('cancel_rate', 'float', true),
    col('return_rate', 'float', true),
    col('first_channel', 'string', true),
    col('current_channel', 'string', true),
    col('migrated_at', 'timestamp', true), // first own-shop order after marketplace orders
    col('preferred_category', 'string', true),
    col('median_interpurchase_days', 'float', true),
    col('next_expected_purchase_at', 'timestamp', true), // the customer's golden time
    col('preferred_hour', 'int', true), // 0-23 KST
  ],
};
