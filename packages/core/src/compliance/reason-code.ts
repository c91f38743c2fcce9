/**
 * Stable codes for why a send was blocked or deferred. Stored with the message; never renamed.
 */
export const GUARD_REASONS = [
  'NO_CONSENT',
  'NO_NIGHT_CONSENT',
  'QUIET_HOURS',
  'CAPPED',
  'MARKETPLACE_ONLY',
  'UNREACHABLE',
  'OPTED_OUT',
  'HOLIDAY_BLOCK',
  'AD_NOT_ALLOWED_ON_CHANNEL',
  'SENDER_INFO_MISSING',
  'CONTENT_INVALID',
] as const;
export type GuardReason = (typeof GUARD_REASONS)[number];

/** Facts recorded with a send that went through, for audits. */
export type GuardNote = 'AD_MARKS_ADDED' | 'TRANSACTION_EXCEPTION' | 'FALLBACK_DROPPED_NO_CONSENT' | 'UPGRADED_TO_LMS';

export const REASON_TEXT: Record<GuardReason, { ko: string; en: string }> = {
  NO_CONSENT: { ko: '광고 수신 동의 없음', en: 'no advertising consent for this channel' },
  NO_NIGHT_CONSENT: { ko: '야간 광고 수신 동의 없음 (21:00–08:00)', en: 'no night-time ad consent (21:00–08:00 KST)' },
  QUIET_HOURS: { ko: '발송 제한 시간대', en: 'inside quiet hours' },
  CAPPED: { ko: '발송 빈도 한도 초과', en: 'frequency cap reached' },
  MARKETPLACE_ONLY: {
    ko: '오픈마켓 구매자 (브랜드 자체 동의 없음)',
    en: 'marketplace-only contact without brand consent',
  },
  UNREACHABLE: { ko: '연락처 없음 또는 발송 불가 번호', en: 'no usable address for this channel' },
  OPTED_OUT: { ko: '수신 거부', en: 'recipient opted out' },
  HOLIDAY_BLOCK: { ko: '명절 발송 회피 기간', en: 'holiday block (Seollal/Chuseok)' },
  AD_NOT_ALLOWED_ON_CHANNEL: {
    ko: '이 채널은 광고 발송 불가 (알림톡)',
    en: 'channel carries no advertising (AlimTalk)',
  },
  SENDER_INFO_MISSING: {
    ko: '발신자 정보 또는 무료 수신거부 번호 미설정',
    en: 'sender name or free opt-out missing in settings',
  },
  CONTENT_INVALID: { ko: '메시지 길이/문자 제한 위반', en: 'content breaks channel limits' },
};
