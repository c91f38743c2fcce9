import { translator } from '../../i18n/catalog.ts';
import { formatKstDate } from '../../time/kst.ts';
import type { AudienceReport, IndexedItem } from './audience-report.ts';
import { findInsights } from './report-insights.ts';
import {
  channelLabel,
  type Lang,
  type ReportHeading,
  reachLabel,
  recencyLabel,
  reportHeading,
} from './report-labels.ts';

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
  const t = translator(lang);
  return reports.flatMap((r, i) => [
    ...(reports.length > 1 ? [`[${r.name}]`] : []),
    ...pick(r).map(
      (c, j) =>
        `${j + 1}. ${c.name}\t${t('report.people', { count: c.buyers })} (${pct(c.share)})\t${won(c.revenue)}\t${t('report.index', { index: idx(c.index) })}`,
    ),
    ...(i < reports.length - 1 ? [''] : []),
  ]);
}

/** Who ads can reach per channel: reachable (share) · consented · with a contact, one column per report. */
function reachRows(reports: readonly AudienceReport[], lang: Lang): string[] {
  const t = translator(lang);
  const first = reports[0];
  if (!first) return [];
  return table(
    first.reach.map((x, i) => [
      reachLabel(x.channel, lang),
      ...reports.map((r) => {
        const c = r.reach[i];
        return c
          ? t('report.reach', {
              reachable: won(c.reachable),
              share: pct(c.reachableShare),
              consented: won(c.consented),
              contact: won(c.contactable),
            })
          : '-';
      }),
    ]),
  );
}

/** The visits table: visitors, sessions, time per session and per visitor, one column per report. */
function visitRows(reports: readonly AudienceReport[], lang: Lang): string[] {
  const t = translator(lang);
  const col = (f: (r: AudienceReport) => string): string[] => reports.map(f);
  const minutes = (s: number | null): string => (s === null ? '-' : t('report.minutes', { minutes: num(s / 60) }));
  return table([
    [t('report.visitors'), ...col((r) => won(r.visits.visitors))],
    [
      t('report.sessions'),
      ...col((r) =>
        t('report.perVisitor', { sessions: won(r.visits.sessions), perVisitor: num(r.visits.sessionsPerVisitor) }),
      ),
    ],
    [t('report.avgSession'), ...col((r) => minutes(r.visits.avgSessionSeconds))],
    [t('report.timePerVisitor'), ...col((r) => minutes(r.visits.secondsPerVisitor))],
  ]);
}

/**
 * Plain-text rendering of one report or several side by side (tab-separated columns),
 * Korean or English, ending with the insights of each report.
 */
export function formatReports(reports: readonly AudienceReport[], lang: Lang): string {
  const T = (k: ReportHeading): string => reportHeading(k, lang);
  const t = translator(lang);
  const first = reports[0];
  if (!first) return '';
  const col = (f: (r: AudienceReport) => string): string[] => reports.map(f);
  const out: string[] = [];
  const day = formatKstDate(first.asOf);
  out.push(t('report.title', { day }));
  out.push(
    ...table([
      ['', ...col((r) => r.name)],
      [T('audience'), ...col((r) => `${won(r.size)} (${pct(r.share)} ${T('share')})`)],
      [T('buyers'), ...col((r) => won(r.buyers))],
      [T('revenue'), ...col((r) => `${t('report.won', { amount: won(r.revenue) })} (${pct(r.revenueShare)})`)],
      [T('aov'), ...col((r) => t('report.won', { amount: won(r.aov) }))],
      [T('frequency'), ...col((r) => t('report.times', { count: num(r.frequency, 2) }))],
    ]),
  );
  out.push('', `${T('recency')}`);
  out.push(
    ...table(
      first.recency.map((b, i) => [
        recencyLabel(b.bucket, lang),
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
          return c ? `${won(c.revenue)} (${pct(c.revenueShare)}) · ${t('report.buyers', { count: c.buyers })}` : '-';
        }),
      ]),
    ),
  );
  out.push('', T('reach'), ...reachRows(reports, lang));
  out.push(
    '',
    `${T('visits')} · ${t('report.lastDays', { days: first.visits.windowDays })}`,
    ...visitRows(reports, lang),
  );
  out.push('', T('trend'));
  out.push(
    ...table(
      first.trend.map((m, i) => [
        m.partial ? t('report.toDate', { month: m.month }) : m.month,
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
