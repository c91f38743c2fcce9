import { type MessageKey, translator } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ArmVsControl, ExperimentAnalysis } from './analyze-experiment.ts';
import type { Interval } from './interval.ts';
import type { ExperimentFileIssue, ExperimentFileIssueCode } from './parse-experiment-csv.ts';
import { formatTable } from './text-table.ts';

export type { Lang } from '../i18n/lang.ts';

const ISSUE_KEYS = {
  EMPTY_FILE: 'experimentFile.EMPTY_FILE',
  MISSING_COLUMN: 'experimentFile.MISSING_COLUMN',
  FIELD_COUNT: 'experimentFile.FIELD_COUNT',
  EMPTY_ARM: 'experimentFile.EMPTY_ARM',
  BAD_CONVERTED: 'experimentFile.BAD_CONVERTED',
  BAD_AMOUNT: 'experimentFile.BAD_AMOUNT',
  REVENUE_WITHOUT_CONVERSION: 'experimentFile.REVENUE_WITHOUT_CONVERSION',
  UNTERMINATED_QUOTE: 'experimentFile.UNTERMINATED_QUOTE',
} as const satisfies Record<ExperimentFileIssueCode, MessageKey>;

/** One line per issue, e.g. `12행, revenue: 0 이상의 정수 원화 금액이어야 합니다 ("12.5")`. */
export function describeFileIssue(issue: ExperimentFileIssue, lang: Lang): string {
  const t = translator(lang);
  const column = issue.column ? `, ${issue.column}` : '';
  const value = issue.value !== undefined ? ` (${JSON.stringify(issue.value)})` : '';
  return `${t('experimentFile.line', { line: issue.line })}${column}: ${t(ISSUE_KEYS[issue.code])}${value}`;
}

const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;
const signed = (s: string, x: number): string => (x > 0 ? `+${s}` : s);
const krw = (x: number): string => Math.round(x).toLocaleString('en-US');
const pValue = (p: number | undefined): string =>
  p === undefined || Number.isNaN(p) ? '—' : p < 0.0001 ? '<0.0001' : p.toFixed(4);

/** A table header from its catalog message (columns split by `|`). */
export const columns = (header: string): string[] => header.split('|');

function interval(i: Interval | undefined, fmt: (x: number) => string): string {
  if (i === undefined || Number.isNaN(i.estimate)) return '—';
  return `${signed(fmt(i.estimate), i.estimate)} [${signed(fmt(i.lower), i.lower)}, ${signed(fmt(i.upper), i.upper)}]`;
}

/** The human-readable report of `dalbit experiment analyze` (Korean by default). */
export function renderAnalysis(a: ExperimentAnalysis, lang: Lang): string {
  const t = translator(lang);
  const level = pct(a.level, 0);
  const points = (x: number): string => `${(x * 100).toFixed(2)}%p`;
  const wonOf = (x: number): string => t('experimentReport.won', { amount: krw(x) });
  const won = (x: number): string => (x < 0 ? `-${wonOf(-x)}` : wonOf(x));
  const out: string[] = [t('experimentReport.title', { control: a.control, level }), ''];
  out.push(
    ...formatTable([
      columns(t('experimentReport.armHeader')),
      ...a.arms.map((s) => [
        s.arm,
        krw(s.n),
        krw(s.conversions),
        Number.isNaN(s.conversionRate) ? '—' : pct(s.conversionRate),
        Number.isNaN(s.revenuePerRecipient) ? '—' : won(s.revenuePerRecipient),
        s.aov === undefined ? '—' : won(s.aov),
      ]),
    ]),
  );
  out.push('', t('experimentReport.vsControl'));
  const compareRows = (c: ArmVsControl): string[][] => {
    const rows = [
      [
        c.arm,
        t('experimentReport.conversion'),
        interval(c.conversion.absoluteLift, points),
        interval(c.conversion.relativeLift, (x) => pct(x, 1)),
        pValue(c.conversion.pValue),
        pValue(c.conversion.sequential?.pValue),
        pct(c.conversion.probabilityToBeatControl, 1),
      ],
    ];
    rows.push([
      c.arm,
      t('experimentReport.revenue'),
      interval(c.revenue?.absoluteLift, won),
      interval(c.revenue?.relativeLift, (x) => pct(x, 1)),
      pValue(c.revenue?.welch.pValue),
      pValue(c.revenue?.sequential?.pValue),
      '',
    ]);
    if (c.cuped)
      rows.push([
        c.arm,
        t('experimentReport.cuped'),
        interval(c.cuped.absoluteLift, won),
        interval(c.cuped.relativeLift, (x) => pct(x, 1)),
        pValue(c.cuped.welch.pValue),
        pValue(c.cuped.sequential?.pValue),
        '',
      ]);
    return rows;
  };
  out.push(
    ...formatTable([columns(t('experimentReport.compareHeader', { level })), ...a.comparisons.flatMap(compareRows)], 2),
  );
  const cuped = a.comparisons.find((c) => c.cuped)?.cuped;
  if (cuped)
    out.push(
      t('experimentReport.cupedNote', {
        theta: cuped.theta.toPrecision(4),
        reduction: pct(cuped.varianceReduction, 1),
      }),
    );
  out.push(
    '',
    a.sampleRatio
      ? t('experimentReport.srm', {
          chi: a.sampleRatio.chiSquare.toFixed(2),
          df: a.sampleRatio.df,
          p: pValue(a.sampleRatio.pValue),
          verdict: t(a.sampleRatio.mismatch ? 'experimentReport.srmMismatch' : 'experimentReport.srmOk'),
        })
      : t('experimentReport.noSrm'),
  );
  if (a.segments.length > 0) {
    out.push('', t('experimentReport.segments'));
    out.push(
      ...formatTable(
        [
          columns(t('experimentReport.segmentHeader')),
          ...a.segments.flatMap((s) =>
            s.comparisons.map((c) => [
              s.segment,
              c.arm,
              krw(s.arms.find((x) => x.arm === c.arm)?.n ?? 0),
              interval(c.conversion.absoluteLift, points),
              pValue(c.conversion.pValue),
              interval(c.revenue?.absoluteLift, won),
              pValue(c.revenue?.welch.pValue),
            ]),
          ),
        ],
        2,
      ),
    );
  }
  return out.join('\n');
}
