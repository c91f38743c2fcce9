import { defineMessages } from '../define-messages.ts';

/** `dalbit consent …`: subcommand and option help and what the commands print. */
export const CLI_CONSENT_MESSAGES = defineMessages({
  'cli.consent.show': {
    ko: '고객 한 명의 동의 이력과 현재 상태',
    en: 'consent history and current state of one customer',
  },
  'cli.consent.grant': { ko: '동의 기록 (증빙 필수)', en: 'record a consent (proof required)' },
  'cli.consent.withdraw': { ko: '철회 기록 (즉시 적용)', en: 'record a withdrawal (takes effect at once)' },
  'cli.consent.import080': {
    ko: '080 수신거부 목록(한 줄에 번호 하나, 날짜 선택)을 철회로 반영',
    en: 'apply an 080 opt-out list (one number a line, optional date) as withdrawals',
  },
  'cli.consent.opt.channel': {
    ko: '채널: sms | kakao | email | push | all',
    en: 'channel: sms | kakao | email | push | all',
  },
  'cli.consent.opt.purpose': {
    ko: 'ad(광고) | night_ad(야간 광고) | info(정보성) | all',
    en: 'ad | night_ad | info | all',
  },
  'cli.consent.opt.source': { ko: '출처', en: 'where it came from' },
  'cli.consent.opt.proof': {
    ko: '고객이 무엇에 어떻게 동의했는지 (양식 문구, 통화 기록 id …)',
    en: 'what the customer agreed to, and how (form text, call log id …)',
  },
  'cli.consent.opt.at': { ko: '일어난 시각 (기본값: 지금)', en: 'when it happened (default now)' },
  'cli.consent.opt.listSource': { ko: '목록 출처', en: 'list origin' },
  'cli.consent.proofRequired': {
    ko: '동의를 기록하려면 --proof 가 필요합니다 (정보통신망법 §50: 동의는 입증할 수 있어야 합니다)',
    en: '--proof is required for a grant (consent must be provable)',
  },
  'cli.consent.none': { ko: '{customer}: 동의 기록 없음', en: '{customer}: no consent on record' },
  'cli.consent.granted': { ko: '동의', en: 'granted' },
  'cli.consent.withdrawn': { ko: '거부', en: 'withdrawn' },
  'cli.consent.events': { ko: '-- 기록 {count}건 --', en: '-- {count} events --' },
  'cli.consent.appended.grant': {
    ko: '{customer}: 동의 {count}건 기록',
    en: '{customer}: {count} grant event(s) appended',
  },
  'cli.consent.appended.withdraw': {
    ko: '{customer}: 철회 {count}건 기록',
    en: '{customer}: {count} withdrawal event(s) appended',
  },
  'cli.consent.imported': {
    ko: '{file}: 번호 {numbers}개, 철회 {withdrawals}건 기록, {duplicates}건 이미 반영, {unmatched}건 고객과 매칭 안 됨 (수신거부 목록에는 보관)',
    en: '{file}: {numbers} numbers, {withdrawals} withdrawals appended, {duplicates} already applied, {unmatched} not matched to a customer (kept on the opt-out list)',
  },
  'cli.consent.noUsableLine': { ko: '{file}: 쓸 수 있는 줄이 없습니다', en: '{file}: no usable line' },
});
