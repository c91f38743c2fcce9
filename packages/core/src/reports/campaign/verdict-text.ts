import type { Lang } from '../../experiments/render-analysis.ts';
import { translator } from '../../i18n/catalog.ts';
import type { Verdict } from './decide-verdict.ts';

const pct = (x: number, d = 1): string => `${x > 0 ? '+' : ''}${(x * 100).toFixed(d)}%`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const p = (x: number | undefined): string => (x === undefined ? '—' : x < 0.0001 ? '<0.0001' : x.toFixed(4));

/** The report's one-sentence conclusion in Korean or English. */
export function describeVerdict(v: Verdict, lang: Lang, level: number): string {
  const t = translator(lang);
  const lv = `${Math.round(level * 100)}%`;
  switch (v.kind) {
    case 'no_comparison':
      return t('verdict.noComparison');
    case 'split_broken':
      return t('verdict.splitBroken', { p: p(v.srmPValue) });
    case 'winner': {
      const r = v.relativeLift;
      const lift = r ? `${pct(r.estimate)} [${pct(r.lower)}, ${pct(r.upper)}]` : '—';
      return t('verdict.winner', { arm: v.arm, lift, level: lv, p: p(v.pValue), sequentialP: p(v.sequentialPValue) });
    }
    case 'control_better':
      return t('verdict.controlBetter', { arms: v.arms.join(', ') });
    case 'no_winner_yet': {
      const detect = v.detectableLift === undefined ? '' : t('verdict.detectable', { lift: pct(v.detectableLift) });
      const need =
        v.neededPerArm === undefined
          ? t('verdict.noConversions')
          : t('verdict.needed', {
              lift: pct(v.targetLift),
              perArm: int(v.neededPerArm),
              more: int(v.additionalCustomers ?? 0),
            });
      return t('verdict.noWinnerYet', { level: lv }) + detect + need;
    }
  }
}
