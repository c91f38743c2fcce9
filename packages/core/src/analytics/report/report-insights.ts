import type { AudienceReport } from './audience-report.ts';
import { type Lang, REACH_LABELS } from './report-labels.ts';

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
const n = (x: number): string => Math.round(x).toLocaleString('en-US');

/**
 * A few sentences a marketer can act on, derived only from the report's figures: where the
 * audience can be reached, what it over-indexes on, how many are lapsing, and the recent trend.
 */
export function findInsights(r: AudienceReport, lang: Lang): string[] {
  const ko = lang === 'ko';
  const out: string[] = [];
  if (r.size === 0) return [ko ? '해당 고객이 없습니다.' : 'The audience is empty.'];
  const best = [...r.reach].sort((a, b) => b.reachable - a.reachable)[0];
  if (best && best.reachable > 0) {
    const none = r.size - Math.max(...r.reach.map((x) => x.reachable));
    out.push(
      ko
        ? `광고는 ${REACH_LABELS[best.channel].ko}로 ${n(best.reachable)}명(${pct(best.reachableShare)})에게 보낼 수 있습니다. 나머지 ${n(none)}명 이상은 광고 동의가 없어 정보성 메시지나 동의 유도부터 필요합니다.`
        : `Ads can reach ${n(best.reachable)} (${pct(best.reachableShare)}) by ${REACH_LABELS[best.channel].en}; at least ${n(none)} others lack ad consent — start with informational messages or a consent prompt.`,
    );
  } else
    out.push(
      ko
        ? '광고 수신에 동의한 연락처가 없습니다: 동의 캠페인이 먼저입니다.'
        : 'No one is reachable for ads: run a consent campaign first.',
    );
  const over = r.topCategories
    .filter((c) => (c.index ?? 0) >= 120 && c.buyers >= 2)
    .sort((a, b) => (b.index ?? 0) - (a.index ?? 0))[0];
  if (over)
    out.push(
      ko
        ? `'${over.name}' 구매 비율이 전체 고객의 ${((over.index ?? 0) / 100).toFixed(1)}배입니다(지수 ${Math.round(over.index ?? 0)}): 추천·신상품 메시지의 첫 후보입니다.`
        : `They buy '${over.name}' ${((over.index ?? 0) / 100).toFixed(1)}× as often as all customers (index ${Math.round(over.index ?? 0)}): the first candidate for recommendations and new arrivals.`,
    );
  const overProduct = r.topProducts
    .filter((c) => (c.index ?? 0) >= 150 && c.buyers >= 2)
    .sort((a, b) => (b.index ?? 0) - (a.index ?? 0))[0];
  if (overProduct)
    out.push(
      ko
        ? `상품으로는 '${overProduct.name}'(지수 ${Math.round(overProduct.index ?? 0)}, 구매 ${n(overProduct.buyers)}명): 아직 안 산 고객에게 연관 상품으로 제안하세요.`
        : `Product-wise, '${overProduct.name}' (index ${Math.round(overProduct.index ?? 0)}, ${n(overProduct.buyers)} buyers): offer it to those who have not bought it yet.`,
    );
  const recent = r.recency.find((b) => b.bucket === 'd0_30')?.customers ?? 0;
  const lapsing = r.recency
    .filter((b) => b.bucket === 'd181_365' || b.bucket === 'd366_plus')
    .reduce((s, b) => s + b.customers, 0);
  if (r.buyers > 0)
    out.push(
      ko
        ? `최근 30일 구매 ${n(recent)}명(${pct(recent / r.size)}), 6개월 넘게 구매가 없는 고객 ${n(lapsing)}명(${pct(lapsing / r.size)}): 후자는 재방문 쿠폰 대상입니다.`
        : `${n(recent)} (${pct(recent / r.size)}) bought in the last 30 days; ${n(lapsing)} (${pct(lapsing / r.size)}) have not bought for over 6 months — the win-back target.`,
    );
  const t = r.trend.filter((m) => !m.partial); // compare complete months only
  if (t.length >= 6) {
    const last3 = t.slice(-3).reduce((s, m) => s + m.revenue, 0);
    const prev3 = t.slice(-6, -3).reduce((s, m) => s + m.revenue, 0);
    if (prev3 > 0) {
      const change = last3 / prev3 - 1;
      out.push(
        ko
          ? `마감된 최근 3개월 매출이 그 전 3개월보다 ${pct(Math.abs(change))} ${change >= 0 ? '늘었습니다' : '줄었습니다'}.`
          : `Revenue of the last 3 complete months is ${pct(Math.abs(change))} ${change >= 0 ? 'above' : 'below'} the 3 months before.`,
      );
    }
  }
  if (r.visits.visitors > 0 && r.visits.avgSessionSeconds !== null)
    out.push(
      ko
        ? `최근 ${r.visits.windowDays}일 방문 고객 ${n(r.visits.visitors)}명, 1인당 ${(r.visits.sessionsPerVisitor ?? 0).toFixed(1)}회, 평균 체류 ${Math.round(r.visits.avgSessionSeconds / 60)}분.`
        : `${n(r.visits.visitors)} visited in the last ${r.visits.windowDays} days, ${(r.visits.sessionsPerVisitor ?? 0).toFixed(1)} sessions each, ${Math.round(r.visits.avgSessionSeconds / 60)} min per session.`,
    );
  return out;
}
