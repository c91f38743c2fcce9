import { type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { SyncResult } from './sync-run.ts';

/** Records per resource in the reader's language: `상품 3 · 회원 4 · 주문 0`. */
export function rowsSummary(lang: Lang, rows: Record<string, number>): string {
  return Object.entries(rows)
    .map(([r, n]) => `${translate(lang, `connectors.page.resource.${r}` as MessageKey)} ${n.toLocaleString('ko-KR')}`)
    .join(' · ');
}

/** One line per sync: what it fetched, that nothing was new, or why it failed. */
export function syncLine(lang: Lang, r: SyncResult): string {
  if (r.error) return translate(lang, 'connectors.sync.failed', { id: r.connectionId, message: r.error.message });
  const nothing = Object.values(r.rows).every((n) => n === 0);
  return translate(lang, nothing ? 'connectors.sync.nothing' : 'connectors.sync.line', {
    id: r.connectionId,
    summary: rowsSummary(lang, r.rows),
  });
}
