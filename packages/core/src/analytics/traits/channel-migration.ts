import { toChannelKind } from './channel-kind.ts';
import { isPurchase, type TraitOrder } from './trait-inputs.ts';

export interface ChannelMigration {
  readonly firstChannel: string | null;
  readonly currentChannel: string | null;
  readonly migratedAt: Date | null;
}

const byTime = (a: TraitOrder, b: TraitOrder): number =>
  a.orderedAt.getTime() - b.orderedAt.getTime() || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);

/**
 * First channel = channel of the earliest order, current = channel of the latest order (any
 * status; ties by order id). Migration date = the first own-shop PURCHASE (paid/exchanged) placed
 * strictly after the customer's first marketplace purchase; null when that never happened.
 */
export function findChannelMigration(orders: readonly TraitOrder[]): ChannelMigration {
  const sorted = [...orders].sort(byTime);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const purchases = sorted.filter(isPurchase);
  const firstMarket = purchases.find((o) => toChannelKind(o.channel) === 'marketplace');
  const moved =
    firstMarket &&
    purchases.find(
      (o) => toChannelKind(o.channel) === 'own_shop' && o.orderedAt.getTime() > firstMarket.orderedAt.getTime(),
    );
  return {
    firstChannel: first?.channel ?? null,
    currentChannel: last?.channel ?? null,
    migratedAt: moved ? moved.orderedAt : null,
  };
}
