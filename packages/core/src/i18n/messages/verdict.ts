import { defineMessages } from '../define-messages.ts';

/** A campaign report's one-sentence conclusion (`describeVerdict`). */
export const VERDICT_MESSAGES = defineMessages({
  'verdict.noComparison': {
    ko: '비교할 대조군이 없어 효과를 판단할 수 없습니다.',
    en: 'No control arm to compare with: the effect cannot be judged.',
  },
  'verdict.splitBroken': {
    ko: '그룹 배정이 깨졌습니다 (SRM p = {p}): 이 결과를 믿지 마세요. 배정과 집계를 먼저 확인하세요.',
    en: 'The split is broken (SRM p = {p}): do not trust these results; check assignment and logging first.',
  },
  'verdict.winner': {
    ko: '승자: {arm} — 전환율 상대 변화 {lift}, {level} 수준에서 유의 (p = {p}, 순차 p = {sequentialP}).',
    en: 'Winner: {arm} — conversion {lift} relative, significant at {level} (p = {p}, always-valid p = {sequentialP}).',
  },
  'verdict.controlBetter': {
    ko: '대조군이 더 낫습니다: {arms} 그룹의 전환율이 유의하게 낮습니다. 메시지가 역효과를 냈을 수 있습니다.',
    en: 'Control is better: {arms} converted significantly less; the message may have hurt.',
  },
  'verdict.noWinnerYet': {
    ko: '아직 승자가 없습니다 ({level} 수준에서 유의한 차이 없음).',
    en: 'No winner yet (no significant difference at {level}).',
  },
  'verdict.detectable': {
    ko: ' 지금 표본으로 찾을 수 있는 최소 효과는 상대 {lift}입니다.',
    en: ' With the current sample the smallest detectable lift is {lift} relative.',
  },
  'verdict.noConversions': {
    ko: ' 전환이 아직 없어 필요한 표본을 계산할 수 없습니다.',
    en: ' No conversions yet, so the sample needed cannot be computed.',
  },
  'verdict.needed': {
    ko: ' 상대 {lift} 효과를 검정력 80%로 확인하려면 그룹당 {perArm}명(균등 배분 기준)이 필요합니다 — 현재 배분이면 고객 약 {more}명 더.',
    en: ' To confirm a {lift} relative lift with 80% power you need {perArm} customers per arm (equal split) — about {more} more customers at the current split.',
  },
});
