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
