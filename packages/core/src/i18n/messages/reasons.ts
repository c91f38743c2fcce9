import { defineMessages } from '../define-messages.ts';

/**
 * Why a send was blocked, deferred or cancelled, keyed `reason.<CODE>`: the guard's reasons
 * (`compliance/reason-code.ts`), the campaign's block reasons and the lifecycle's cancellations.
 */
export const REASON_MESSAGES = defineMessages({
  'reason.NO_CONSENT': { ko: '광고 수신 동의 없음', en: 'no advertising consent for this channel' },
  'reason.NO_NIGHT_CONSENT': {
    ko: '야간 광고 수신 동의 없음 (21:00–08:00)',
    en: 'no night-time ad consent (21:00–08:00 KST)',
  },
  'reason.QUIET_HOURS': { ko: '발송 제한 시간대', en: 'inside quiet hours' },
  'reason.CAPPED': { ko: '발송 빈도 한도 초과', en: 'frequency cap reached' },
  'reason.MARKETPLACE_ONLY': {
    ko: '오픈마켓 구매자 (브랜드 자체 동의 없음)',
    en: 'marketplace-only contact without brand consent',
  },
  'reason.UNREACHABLE': { ko: '연락처 없음 또는 발송 불가 번호', en: 'no usable address for this channel' },
  'reason.OPTED_OUT': { ko: '수신 거부', en: 'recipient opted out' },
  'reason.HOLIDAY_BLOCK': { ko: '명절 발송 회피 기간', en: 'holiday block (Seollal/Chuseok)' },
  'reason.AD_NOT_ALLOWED_ON_CHANNEL': {
    ko: '이 채널은 광고 발송 불가 (알림톡)',
    en: 'channel carries no advertising (AlimTalk)',
  },
  'reason.SENDER_INFO_MISSING': {
    ko: '발신자 정보 또는 무료 수신거부 번호 미설정',
    en: 'sender name or free opt-out missing in settings',
  },
  'reason.CONTENT_INVALID': { ko: '메시지 길이/문자 제한 위반', en: 'content breaks channel limits' },
  'reason.NO_TEMPLATE': { ko: '이 채널의 템플릿 없음', en: 'no template for this channel' },
  'reason.TEMPLATE_ERROR': { ko: '템플릿 오류', en: 'template error' },
  'reason.COUPON_BUDGET_EXHAUSTED': { ko: '쿠폰 예산 소진', en: 'coupon budget exhausted' },
  'reason.COUPON_ONCE_PER_CUSTOMER': {
    ko: '시크릿 쿠폰은 고객당 1회',
    en: 'secret coupon: once per customer, one at a time',
  },
  'reason.COUPON_PER_CUSTOMER_LIMIT': { ko: '고객당 쿠폰 발급 한도 도달', en: 'per-customer coupon limit reached' },
  'reason.COUPON_STILL_HELD': {
    ko: '같은 쿠폰을 아직 사용하지 않은 고객',
    en: 'customer still holds an unused code of this coupon',
  },
  'reason.CAMPAIGN_PAUSED': { ko: '캠페인 일시정지로 취소', en: 'cancelled: campaign paused' },
  'reason.CAMPAIGN_STOPPED': { ko: '캠페인 종료로 취소', en: 'cancelled: campaign stopped' },
});
