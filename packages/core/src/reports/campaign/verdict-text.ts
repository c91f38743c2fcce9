import type { Lang } from '../../experiments/render-analysis.ts';
import type { Verdict } from './decide-verdict.ts';

const pct = (x: number, d = 1): string => `${x > 0 ? '+' : ''}${(x * 100).toFixed(d)}%`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const p = (x: number | undefined): string => (x === undefined ? '—' : x < 0.0001 ? '<0.0001' : x.toFixed(4));

/** The report's one-sentence conclusion in Korean or English. */
export function describeVerdict(v: Verdict, lang: Lang, level: number): string {
  const lv = `${Math.round(level * 100)}%`;
  const ko = lang === 'ko';
  switch (v.kind) {
    case 'no_comparison':
      return ko
        ? '비교할 대조군이 없어 효과를 판단할 수 없습니다.'
        : 'No control arm to compare with: the effect cannot be judged.';
    case 'split_broken':
      return ko
        ? `그룹 배정이 깨졌습니다 (SRM p = ${p(v.srmPValue)}): 이 결과를 믿지 마세요. 배정과 집계를 먼저 확인하세요.`
        : `The split is broken (SRM p = ${p(v.srmPValue)}): do not trust these results; check assignment and logging first.`;
    case 'winner': {
      const r = v.relativeLift;
      const lift = r ? `${pct(r.estimate)} [${pct(r.lower)}, ${pct(r.upper)}]` : '—';
      return ko
        ? `승자: ${v.arm} — 전환율 상대 변화 ${lift}, ${lv} 수준에서 유의 (p = ${p(v.pValue)}, 순차 p = ${p(v.sequentialPValue)}).`
        : `Winner: ${v.arm} — conversion ${lift} relative, significant at ${lv} (p = ${p(v.pValue)}, always-valid p = ${p(v.sequentialPValue)}).`;
    }
    case 'control_better':
      return ko
        ? `대조군이 더 낫습니다: ${v.arms.join(', ')} 그룹의 전환율이 유의하게 낮습니다. 메시지가 역효과를 냈을 수 있습니다.`
        : `Control is better: ${v.arms.join(', ')} converted significantly less; the message may have hurt.`;
    case 'no_winner_yet': {
      const detect =
        v.detectableLift === undefined
          ? ''
          : ko
            ? ` 지금 표본으로 찾을 수 있는 최소 효과는 상대 ${pct(v.detectableLift)}입니다.`
            : ` With the current sample the smallest detectable lift is ${pct(v.detectableLift)} relative.`;
      const need =
        v.neededPerArm === undefined
          ? ko
            ? ' 전환이 아직 없어 필요한 표본을 계산할 수 없습니다.'
            : ' No conversions yet, so the sample needed cannot be computed.'
          : ko
            ? ` 상대 ${pct(v.targetLift)} 효과를 검정력 80%로 확인하려면 그룹당 ${int(v.neededPerArm)}명(균등 배분 기준)이 필요합니다 — 현재 배분이면 고객 약 ${int(v.additionalCustomers ?? 0)}명 더.`
            : ` To confirm a ${pct(v.targetLift)} relative lift with 80% power you need ${int(v.neededPerArm)} customers per arm (equal split) — about ${int(v.additionalCustomers ?? 0)} more customers at the current split.`;
      return (
        (ko
          ? `아직 승자가 없습니다 (${lv} 수준에서 유의한 차이 없음).`
          : `No winner yet (no significant difference at ${lv}).`) +
        detect +
        need
      );
    }
  }
}
