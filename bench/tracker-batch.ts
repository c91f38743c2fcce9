/** Events per tracker-like batch in the ingest bench. */
export const BATCH = 20;

/** One tracker-like batch: a visitor browsing, then identifying (phone + member id) once. */
export function trackerBatch(n: number, at: Date): { events: Record<string, unknown>[] } {
  const anon = `anon-${n}`;
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < BATCH - 1; i++)
    events.push({
      event_id: `b${n}-e${i}`,
      type: i % 4 === 0 ? 'page_view' : 'product_view',
      occurred_at: new Date(at.getTime() - (BATCH - i) * 1000).toISOString(),
      anonymous_id: anon,
      ...(i % 4 === 0 ? {} : { product_id: `P${(n * 7 + i) % 500}` }),
      properties: { path: `/product/${i}`, referrer: 'https://search.naver.com/' },
      utm_source: 'naver',
    });
  events.push({
    event_id: `b${n}-identify`,
    type: 'identify',
    occurred_at: at.toISOString(),
    anonymous_id: anon,
    phone: `010-${String(1000 + (n % 9000)).padStart(4, '0')}-${String(n % 10000).padStart(4, '0')}`,
    member_id: `m${n}`,
  });
  return { events };
}
