import { defineMessages } from '../define-messages.ts';

/** `dalbit experiment …`: subcommand and option help and what the commands print. */
export const CLI_EXPERIMENT_MESSAGES = defineMessages({
  'cli.experiment.analyze': {
    ko: '고객별 결과 파일 분석: arm,converted,revenue[,pre_revenue][,segment]',
    en: 'analyse a per-customer result file: arm,converted,revenue[,pre_revenue][,segment]',
  },
  'cli.experiment.size': {
    ko: '목표 효과에 필요한 그룹당 표본 수, 또는 그룹당 n명으로 찾을 수 있는 최소 효과',
    en: 'sample size per arm for a planned lift, or the minimum detectable lift for n per arm',
  },
  'cli.experiment.opt.input': {
    ko: '헤더 행이 있는 CSV, 고객당 한 행',
    en: 'CSV with a header row, one row per customer',
  },
  'cli.experiment.opt.control': { ko: '대조군(홀드아웃) 그룹 이름', en: 'name of the control / holdout arm' },
  'cli.experiment.opt.weights': {
    ko: 'SRM 검사용 계획 비율, 예: control=0.1,A=0.45,B=0.45',
    en: 'planned split for the SRM check, e.g. control=0.1,A=0.45,B=0.45',
  },
  'cli.experiment.opt.level': { ko: '구간의 신뢰 수준', en: 'confidence level of the intervals' },
  'cli.experiment.opt.rate': { ko: '기준 전환율, 예: 0.05', en: 'baseline conversion rate, e.g. 0.05' },
  'cli.experiment.opt.mean': {
    ko: '수신자당 기준 평균 (--sd 와 함께), 예: 수신자당 매출',
    en: 'baseline mean per recipient (with --sd), e.g. revenue per recipient',
  },
  'cli.experiment.opt.sd': { ko: '수신자당 표준편차 (--mean 용)', en: 'standard deviation per recipient (for --mean)' },
  'cli.experiment.opt.lift': {
    ko: '찾을 상대 효과, 예: +10 % 는 0.1',
    en: 'relative lift to detect, e.g. 0.1 for +10 %',
  },
  'cli.experiment.opt.n': {
    ko: '그룹당 고객 수 (최소 효과를 계산)',
    en: 'customers per arm (gives the minimum detectable lift)',
  },
  'cli.experiment.opt.power': { ko: '검정력', en: 'power' },
  'cli.experiment.opt.alpha': { ko: '유의수준 (양측)', en: 'significance level (two-sided)' },
  'cli.experiment.noInput': {
    ko: '입력 파일을 읽을 수 없습니다: {file} ({reason})',
    en: 'cannot read input file: {file} ({reason})',
  },
  'cli.experiment.badWeights': {
    ko: '--weights 형식 오류: "{part}" (예: control=0.1,A=0.45,B=0.45)',
    en: 'bad --weights part: "{part}" (example: control=0.1,A=0.45,B=0.45)',
  },
  'cli.experiment.badLevel': {
    ko: '--level 은 0과 1 사이여야 합니다: {value}',
    en: '--level must be between 0 and 1: {value}',
  },
  'cli.experiment.issues': {
    ko: '{file}: 잘못된 행 {count}건 — 아무것도 분석하지 않았습니다',
    en: '{file}: {count} bad row(s); nothing was analysed',
  },
  'cli.experiment.more': { ko: '… 외 {count}건', en: '… and {count} more' },
  'cli.experiment.noControl': {
    ko: '대조군 "{control}" 이(가) 파일에 없습니다 (그룹: {arms})',
    en: 'control arm "{control}" is not in the file (arms: {arms})',
  },
  'cli.experiment.notInWeights': {
    ko: '--weights 에 없는 그룹이 파일에 있습니다: {arms}',
    en: 'arms in the file but not in --weights: {arms}',
  },
  'cli.experiment.rateOrMean': {
    ko: '--rate 와 --mean 중 하나만 지정하세요',
    en: 'give exactly one of --rate or --mean',
  },
  'cli.experiment.meanNeedsSd': { ko: '--mean 에는 --sd 가 필요합니다', en: '--mean needs --sd' },
  'cli.experiment.liftOrN': { ko: '--lift 와 --n 중 하나만 지정하세요', en: 'give exactly one of --lift or --n' },
  'cli.experiment.needed': {
    ko: '그룹당 {n}명 필요 — 기준 {base}에서 상대 {lift} 변화를 찾으려면',
    en: '{n} customers per arm to detect a {lift} relative change from {base}',
  },
  'cli.experiment.mde': {
    ko: '그룹당 {n}명으로 찾을 수 있는 최소 효과: 상대 {lift} (절대 {abs})',
    en: 'minimum detectable effect with {n} per arm: {lift} relative ({abs} absolute)',
  },
  'cli.experiment.setting': {
    ko: '검정력 {power}, 유의수준 {alpha} (양측)',
    en: 'power {power}, alpha {alpha} (two-sided)',
  },
});
