import type { Lang } from '../../experiments/render-analysis.ts';
import { isMessageKey, translate } from '../../i18n/catalog.ts';
import type { CampaignReport } from './build-campaign-report.ts';
import { FUNNEL_COUNT_KEYS, HOLDOUT_ARM } from './summarize-funnel.ts';
import { describeVerdict } from './verdict-text.ts';

export interface PresentedInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

export interface PresentedArm {
  readonly arm: string;
  readonly label: string;
  readonly isControl: boolean;
  readonly targeted: number;
  readonly heldOut: number;
  readonly blocked: number;
  readonly sent: number;
  readonly delivered: number;
  readonly opened: number;
  readonly clicked: number;
  readonly converted: number;
  readonly conversionRate: number | null;
  readonly revenuePerRecipient: number | null;
}

export interface PresentedLift {
  readonly arm: string;
  readonly label: string;
  /** Relative lift of the conversion rate against control, with its interval (undefined when control has none). */
  readonly relative: PresentedInterval | null;
  /** Difference in conversion rate (percentage points as a fraction). */
  readonly absolute: PresentedInterval;
  readonly probabilityToBeat: number;
  readonly pValue: number;
}

/** What a person reads on a campaign report: labelled arms, lifts with intervals and the verdict sentence. */
export interface PresentedCampaignReport {
  readonly lang: Lang;
  readonly labels: Readonly<Record<string, string>>;
  readonly control: string | null;
  readonly controlLabel: string | null;
  readonly arms: readonly PresentedArm[];
  readonly lifts: readonly PresentedLift[];
  readonly verdictKind: CampaignReport['verdict']['kind'];
  readonly verdictText: string;
  /**
   * Engagement columns the campaign's channels report (delivery receipts: SMS, Kakao; opens: email,
   * on-site; clicks: links, on-site): a column shows when any arm has a count for it, so an SMS
   * campaign does not show an "opened" column of zeros.
   */
  readonly reported: { readonly delivered: boolean; readonly opened: boolean; readonly clicked: boolean };
  /** Blocked messages of every arm by reason, most first, each with the reader's text of the reason. */
  readonly blockedBy: readonly { readonly reason: string; readonly label: string; readonly count: number }[];
}

/** Blocked counts summed over the arms, by reason (the reason's own text, or its code when it has none). */
function blockedByReason(r: CampaignReport, lang: Lang): PresentedCampaignReport['blockedBy'] {
  const total = new Map<string, number>();
  for (const f of r.funnel)
    for (const [reason, n] of Object.entries(f.blockedBy)) total.set(reason, (total.get(reason) ?? 0) + n);
  return [...total]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, count]) => {
      const key = `reason.${reason}`;
      return { reason, label: isMessageKey(key) ? translate(lang, key) : reason, count };
    });
}

const LABEL_KEYS = [
  'arm',
  ...FUNNEL_COUNT_KEYS,
  'conversionRate',
  'lift',
  'interval',
  'revenuePerRecipient',
  'probabilityToBeat',
] as const;

/** The arm's name for people: 대조군 (미발송), 발송군, or `A 그룹`. */
export function armLabel(arm: string, lang: Lang): string {
  if (arm === HOLDOUT_ARM) return translate(lang, 'report.arm.holdout');
  if (arm === 'main') return translate(lang, 'report.arm.main');
  return translate(lang, 'report.arm.named', { arm });
}

const interval = (i: { estimate: number; lower: number; upper: number }): PresentedInterval => ({
  estimate: i.estimate,
  lower: i.lower,
  upper: i.upper,
});

/**
 * Labels a built report for the dashboard and the API in `lang`: arm names, metric names, each
 * arm's lift against control with its interval and probability to beat, and the verdict sentence
 * (never a bare code such as `no_comparison`).
 */
export function presentCampaignReport(r: CampaignReport, lang: Lang): PresentedCampaignReport {
  const level = r.analysis?.level ?? 0.95;
  const summary = new Map((r.analysis?.arms ?? []).map((a) => [a.arm, a]));
  return {
    lang,
    labels: Object.fromEntries(LABEL_KEYS.map((k) => [k, translate(lang, `report.${k}`)])),
    control: r.control ?? null,
    controlLabel: r.control === undefined ? null : armLabel(r.control, lang),
    arms: r.funnel.map((f) => {
      const s = summary.get(f.arm);
      return {
        arm: f.arm,
        label: armLabel(f.arm, lang),
        isControl: f.arm === r.control,
        targeted: f.targeted,
        heldOut: f.heldOut,
        blocked: f.blocked,
        sent: f.sent,
        delivered: f.delivered,
        opened: f.opened,
        clicked: f.clicked,
        converted: f.converted,
        conversionRate: s ? s.conversionRate : null,
        revenuePerRecipient: s ? s.revenuePerRecipient : null,
      };
    }),
    lifts: (r.analysis?.comparisons ?? []).map((c) => ({
      arm: c.arm,
      label: armLabel(c.arm, lang),
      relative: c.conversion.relativeLift ? interval(c.conversion.relativeLift) : null,
      absolute: interval(c.conversion.absoluteLift),
      probabilityToBeat: c.conversion.probabilityToBeatControl,
      pValue: c.conversion.pValue,
    })),
    verdictKind: r.verdict.kind,
    verdictText: describeVerdict(r.verdict, lang, level),
    reported: {
      delivered: r.funnel.some((f) => f.delivered > 0),
      opened: r.funnel.some((f) => f.opened > 0),
      clicked: r.funnel.some((f) => f.clicked > 0),
    },
    blockedBy: blockedByReason(r, lang),
  };
}
