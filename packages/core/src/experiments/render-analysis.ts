import { type MessageKey, translator } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ArmVsControl, ExperimentAnalysis } from './analyze-experiment.ts';
import type { Interval } from './interval.ts';
import type { ExperimentFileIssue, ExperimentFileIssueCode } from './parse-experiment-csv.ts';
import { formatTable } from './text-table.ts';

export type { Lang } from '../i18n/lang.ts';

const TEXT = {
  ko: {
    title: (control: string, level: string) => `실험 분석 — 대조군: ${control}, 신뢰수준 ${level}`,
    armHeader: ['그룹', '고객 수', '전환 수', '전환율', '1인당 매출', '객단가(AOV)'],
    vsControl: '대조군 대비',
    compareHeader: (level: string) => [
      '그룹',
      '지표',
      `차이 (${level} 구간)`,
      `상대 변화 (${level} 구간)`,
      'p-값',
      '순차 p(mSPRT)',
      '승리 확률',
    ],
    conversion: '전환율 (z-검정)',
    revenue: '1인당 매출 (Welch t)',
    cuped: '1인당 매출 (CUPED)',
    cupedNote: (theta: string, vr: string) => `CUPED: θ = ${theta}, 분산 감소 ${vr}`,
    srm: (chi: string, df: number, p: string, bad: boolean) =>
      `표본 비율(SRM) 검사: χ² = ${chi}, 자유도 ${df}, p = ${p} → ${bad ? '불일치! 배정/집계를 확인하세요' : '정상'}`,
    noSrm: '표본 비율(SRM) 검사: --weights 가 없어 생략',
    segments: '세그먼트별 (다중 비교 보정 없음 — 탐색용)',
    segmentHeader: ['세그먼트', '그룹', '고객 수', '전환율 차이', 'p-값', '1인당 매출 차이', 'p-값'],
    won: (v: string) => `${v}원`,
    notDefined: '—',
  },
  en: {
    title: (control: string, level: string) => `Experiment analysis — control: ${control}, confidence ${level}`,
    armHeader: ['arm', 'customers', 'conversions', 'conv. rate', 'revenue/recipient', 'AOV'],
    vsControl: 'Against control',
    compareHeader: (level: string) => [
      'arm',
      'metric',
      `difference (${level} CI)`,
      `relative (${level} CI)`,
      'p-value',
      'always-valid p',
      'P(beat)',
    ],
    conversion: 'conversion (z-test)',
    revenue: 'revenue/recipient (Welch t)',
    cuped: 'revenue/recipient (CUPED)',
    cupedNote: (theta: string, vr: string) => `CUPED: θ = ${theta}, variance reduced by ${vr}`,
    srm: (chi: string, df: number, p: string, bad: boolean) =>
      `Sample ratio (SRM) check: χ² = ${chi}, df ${df}, p = ${p} → ${bad ? 'MISMATCH: check assignment and logging' : 'ok'}`,
    noSrm: 'Sample ratio (SRM) check: skipped (no --weights)',
    segments: 'By segment (not corrected for multiple comparisons; for exploration)',
    segmentHeader: ['segment', 'arm', 'customers', 'conv. diff', 'p-value', 'revenue diff', 'p-value'],
    won: (v: string) => `₩${v}`,
    notDefined: '—',
  },
} as const;

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

function interval(i: Interval | undefined, fmt: (x: number) => string): string {
  if (i === undefined || Number.isNaN(i.estimate)) return '—';
  return `${signed(fmt(i.estimate), i.estimate)} [${signed(fmt(i.lower), i.lower)}, ${signed(fmt(i.upper), i.upper)}]`;
}

/** The human-readable report of `dalbit experiment analyze` (Korean by default). */
export function renderAnalysis(a: ExperimentAnalysis, lang: Lang): string {
  const t = TEXT[lang];
  const level = pct(a.level, 0);
  const points = (x: number): string => `${(x * 100).toFixed(2)}%p`;
  const won = (x: number): string => (x < 0 ? `-${t.won(krw(-x))}` : t.won(krw(x)));
  const out: string[] = [t.title(a.control, level), ''];
  out.push(
    ...formatTable([
      [...t.armHeader],
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
  out.push('', t.vsControl);
  const compareRows = (c: ArmVsControl): string[][] => {
    const rows = [
      [
        c.arm,
        t.conversion,
        interval(c.conversion.absoluteLift, points),
        interval(c.conversion.relativeLift, (x) => pct(x, 1)),
        pValue(c.conversion.pValue),
        pValue(c.conversion.sequential?.pValue),
        pct(c.conversion.probabilityToBeatControl, 1),
      ],
    ];
    rows.push([
      c.arm,
      t.revenue,
      interval(c.revenue?.absoluteLift, won),
      interval(c.revenue?.relativeLift, (x) => pct(x, 1)),
      pValue(c.revenue?.welch.pValue),
      pValue(c.revenue?.sequential?.pValue),
      '',
    ]);
    if (c.cuped)
      rows.push([
        c.arm,
        t.cuped,
        interval(c.cuped.absoluteLift, won),
        interval(c.cuped.relativeLift, (x) => pct(x, 1)),
        pValue(c.cuped.welch.pValue),
        pValue(c.cuped.sequential?.pValue),
        '',
      ]);
    return rows;
  };
  out.push(...formatTable([t.compareHeader(level), ...a.comparisons.flatMap(compareRows)], 2));
  const cuped = a.comparisons.find((c) => c.cuped)?.cuped;
  if (cuped) out.push(t.cupedNote(cuped.theta.toPrecision(4), pct(cuped.varianceReduction, 1)));
  out.push(
    '',
    a.sampleRatio
      ? t.srm(
          a.sampleRatio.chiSquare.toFixed(2),
          a.sampleRatio.df,
          pValue(a.sampleRatio.pValue),
          a.sampleRatio.mismatch,
        )
      : t.noSrm,
  );
  if (a.segments.length > 0) {
    out.push('', t.segments);
    out.push(
      ...formatTable(
        [
          [...t.segmentHeader],
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
