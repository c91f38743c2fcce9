import { formatKstDate } from '../../time/kst.ts';
import type { AudienceReport, IndexedItem } from './audience-report.ts';
import { findInsights } from './report-insights.ts';
import { channelLabel, type Lang, REACH_LABELS, RECENCY_LABELS, REPORT_TEXT } from './report-labels.ts';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const won = (x: number | null): string => (x === null ? '-' : Math.round(x).toLocaleString('en-US'));
const num = (x: number | null, d = 1): string => (x === null ? '-' : x.toFixed(d));
const idx = (x: number | null): string => (x === null ? '-' : String(Math.round(x)));

/** Rows of label + one cell per report, tab-separated. */
function table(rows: readonly (readonly string[])[]): string[] {
  return rows.map((r) => r.join('\t'));
}

function items(
  reports: readonly AudienceReport[],
  pick: (r: AudienceReport) => readonly IndexedItem[],
  lang: Lang,
): string[] {
  return reports.flatMap((r, i) => [
    ...(reports.length > 1 ? [`[${r.name}]`] : []),
    ...pick(r).map(
      (c, j) =>
        `${j + 1}. ${c.name}\t${c.buyers}${lang === 'ko' ? '명' : ''} (${pct(c.share)})\t${won(c.revenue)}\t${lang === 'ko' ? '지수' : 'index'} ${idx(c.index)}`,
    ),
    ...(i < reports.length - 1 ? [''] : []),
  ]);
}

/**
 * Plain-text rendering of one report or several side by side (tab-separated columns),
 * Korean or English, ending with the insights of each report.
 */
export function formatReports(reports: readonly AudienceReport[], lang: Lang): string {
  const T = (k: keyof typeof REPORT_TEXT): string => REPORT_TEXT[k][lang];
  const ko = lang === 'ko';
  const first = reports[0];
  if (!first) return '';
  const col = (f: (r: AudienceReport) => string): string[] => reports.map(f);
  const out: string[] = [];
  const day = formatKstDate(first.asOf);
  out.push(`${ko ? '고객 리포트' : 'audience report'} · ${ko ? `${day} 0시(KST) 기준` : `as of ${day} 00:00 KST`}`);
  out.push(
    ...table([
      ['', ...col((r) => r.name)],
      [T('audience'), ...col((r) => `${won(r.size)} (${pct(r.share)} ${T('share')})`)],
      [T('buyers'), ...col((r) => won(r.buyers))],
      [T('revenue'), ...col((r) => `${won(r.revenue)}${ko ? '원' : ' KRW'} (${pct(r.revenueShare)})`)],
      [T('aov'), ...col((r) => `${won(r.aov)}${ko ? '원' : ' KRW'}`)],
      [T('frequency'), ...col((r) => `${num(r.frequency, 2)}${ko ? '회' : ''}`)],
    ]),
  );
  out.push('', `${T('recency')}`);
  out.push(
    ...table(
      first.recency.map((b, i) => [
        RECENCY_LABELS[b.bucket][lang],
        ...col((r) => `${won(r.recency[i]?.customers ?? 0)} (${pct(r.recency[i]?.share ?? 0)})`),
      ]),
    ),
  );
  out.push('', T('categories'), ...items(reports, (r) => r.topCategories, lang));
  out.push('', T('products'), ...items(reports, (r) => r.topProducts, lang));
  out.push('', T('channels'));
  const channels = [...new Set(reports.flatMap((r) => r.channels.map((c) => c.channel)))];
  out.push(
    ...table(
      channels.map((ch) => [
        channelLabel(ch, lang),
        ...col((r) => {
          const c = r.channels.find((x) => x.channel === ch);
          return c ? `${won(c.revenue)} (${pct(c.revenueShare)}) · ${c.buyers}${ko ? '명' : ' buyers'}` : '-';
        }),
      ]),
    ),
  );
  out.push('', T('reach'));
  out.push(
    ...table(
      first.reach.map((x, i) => [
        REACH_LABELS[x.channel][lang],
        ...col((r) => {
          const c = r.reach[i];
          return c
            ? `${won(c.reachable)} (${pct(c.reachableShare)}) · ${ko ? '동의' : 'consented'} ${won(c.consented)} · ${ko ? '연락처' : 'contact'} ${won(c.contactable)}`
            : '-';
        }),
      ]),
    ),
  );
  out.push('', `${T('visits')} · ${ko ? `최근 ${first.visits.windowDays}일` : `last ${first.visits.windowDays} days`}`);
  out.push(
    ...table([
      [ko ? '방문 고객' : 'visitors', ...col((r) => won(r.visits.visitors))],
      [
        ko ? '세션' : 'sessions',
        ...col((r) => `${won(r.visits.sessions)} (${num(r.visits.sessionsPerVisitor)}/${ko ? '인' : 'visitor'})`),
      ],
      [
        ko ? '평균 세션 시간' : 'avg session',
        ...col((r) =>
          r.visits.avgSessionSeconds === null ? '-' : `${num(r.visits.avgSessionSeconds / 60)}${ko ? '분' : ' min'}`,
        ),
      ],
      [
        ko ? '1인당 체류 시간' : 'time per visitor',
        ...col((r) =>
          r.visits.secondsPerVisitor === null ? '-' : `${num(r.visits.secondsPerVisitor / 60)}${ko ? '분' : ' min'}`,
        ),
      ],
    ]),
  );
  out.push('', T('trend'));
  out.push(
    ...table(
      first.trend.map((m, i) => [
        m.partial ? `${m.month} (${ko ? '진행 중' : 'to date'})` : m.month,
        ...col((r) => `${won(r.trend[i]?.revenue ?? 0)} / ${won(r.trend[i]?.activeCustomers ?? 0)}`),
      ]),
    ),
  );
  out.push('', T('insights'));
  for (const r of reports) {
    if (reports.length > 1) out.push(`[${r.name}]`);
    for (const s of findInsights(r, lang)) out.push(`- ${s}`);
  }
  return out.join('\n');
}
