import { MARKETPLACE_CHANNELS as CATALOG_MARKETPLACES } from '../../segments/catalog.ts';

/**
 * Own shop vs marketplace, for channel migration. Cafe24 is the own shop (its mobile storefront is
 * normalised to `cafe24` by the importer; `cafe24_mobile`/`mobile` are accepted too).
 */
export const OWN_SHOP_CHANNELS: ReadonlySet<string> = new Set(['cafe24', 'cafe24_mobile', 'mobile']);

/** Marketplaces (the segment catalog's list): buyers there consented to the marketplace, not to the brand. */
export const MARKETPLACE_CHANNELS: ReadonlySet<string> = new Set(CATALOG_MARKETPLACES);

export type ChannelKind = 'own_shop' | 'marketplace' | 'other';

export function toChannelKind(channel: string): ChannelKind {
  if (OWN_SHOP_CHANNELS.has(channel)) return 'own_shop';
  return MARKETPLACE_CHANNELS.has(channel) ? 'marketplace' : 'other';
}
