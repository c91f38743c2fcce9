import { defineMessages } from '../define-messages.ts';

/** Campaign lifecycle, pre-flight, settings and consent (API errors, dashboard and report labels). */
export const CAMPAIGN_MESSAGES = defineMessages({
  'campaign.NOT_FOUND': { ko: '캠페인을 찾을 수 없습니다: {id}', en: 'no campaign "{id}"' },
  'campaign.EXISTS': {
    ko: '같은 ID의 캠페인이 이미 있습니다: {id} — 다른 ID를 쓰거나 수정하세요',
    en: 'a campaign "{id}" already exists; pick another id or edit it',
  },
  'campaign.ID_MISMATCH': {
    ko: '본문의 id({body})가 주소의 캠페인({id})과 다릅니다',
    en: 'the body id ({body}) differs from the campaign in the path ({id})',
  },
  'campaign.INVALID': {
    ko: '캠페인 정의에 문제가 {count}건 있습니다 — 저장하지 않았습니다',
    en: '{count} problem(s) in the campaign; nothing saved',
  },
  'campaign.AUDIENCE_INVALID': {
    ko: '대상 고객(audience)을 정할 수 없습니다 — 저장·발송하지 않았습니다: {detail}',
    en: 'the audience cannot be resolved; nothing saved: {detail}',
  },
  'campaign.audience.segmentMissing': {
    ko: '저장된 대상 「{id}」을(를) 찾을 수 없습니다 — 삭제되었거나 없는 대상입니다. 다른 대상을 고르세요',
    en: 'no saved audience "{id}" (deleted or unknown); pick another audience',
  },
  'campaign.audience.recipeInvalid': {
    ko: '레시피 「{recipe}」로 대상을 만들 수 없습니다: {detail}',
    en: 'recipe "{recipe}" cannot build an audience: {detail}',
  },
  'campaign.audience.conditionsInvalid': {
    ko: '대상 조건에 문제가 있습니다 — 빈 값이나 잘못된 값을 고치세요 ({detail})',
    en: 'the audience conditions have a problem; fix empty or wrong values ({detail})',
  },
  'campaign.audience.incomplete': {
    ko: '대상 조건에 고칠 값이 {count}개 있습니다 — 조건 아래 표시된 값을 고친 뒤 저장하세요',
    en: '{count} value(s) in the audience conditions need fixing before saving',
  },
  'campaign.BAD_TRANSITION': {
    ko: "'{status}' 상태의 캠페인은 '{action}'할 수 없습니다 (가능한 상태: {allowed})",
    en: 'a {status} campaign cannot {action} (allowed from: {allowed})',
  },
  'campaign.NOT_EDITABLE': {
    ko: "'{status}' 상태의 캠페인은 수정할 수 없습니다 — 복제해서 새로 만드세요",
    en: 'a {status} campaign cannot be edited; duplicate it instead',
  },
  'campaign.SENDER_INFO_MISSING': {
    ko: '광고 캠페인은 발신자 정보가 있어야 시작할 수 있습니다: {missing} — 설정 > 발신·준법 설정에서 입력하세요',
    en: 'an ad campaign needs sender settings before launch: {missing}; set them under Settings > Sender & compliance',
  },
  'campaign.CUSTOMER_NOT_FOUND': {
    ko: '고객을 찾을 수 없습니다: {query} (고객 ID, 휴대폰 번호 또는 이메일)',
    en: 'no customer "{query}" (customer id, phone or email)',
  },
  'campaign.BAD_RANGE': {
    ko: '기간이 올바르지 않습니다: 시작일({from})이 종료일({to})보다 늦거나 {max}일을 넘습니다',
    en: 'bad range: from ({from}) is after to ({to}) or longer than {max} days',
  },
  'campaign.NO_COUPON': {
    ko: '이 캠페인에는 쿠폰이 없습니다: {id}',
    en: 'campaign "{id}" issues no coupon',
  },
  'campaign.status.draft': { ko: '초안', en: 'draft' },
  'campaign.status.active': { ko: '진행 중', en: 'active' },
  'campaign.status.paused': { ko: '일시정지', en: 'paused' },
  'campaign.status.stopped': { ko: '종료', en: 'stopped' },
  'campaign.status.archived': { ko: '보관됨', en: 'archived' },
  'campaign.action.launch': { ko: '시작', en: 'launch' },
  'campaign.action.pause': { ko: '일시정지', en: 'pause' },
  'campaign.action.resume': { ko: '재개', en: 'resume' },
  'campaign.action.stop': { ko: '종료', en: 'stop' },
  'campaign.action.archive': { ko: '보관', en: 'archive' },
  'campaign.sender.name': { ko: '발신자 이름', en: 'sender name' },
  'campaign.sender.contact': { ko: '발신자 연락처', en: 'sender contact' },
  'campaign.sender.optOutNumber': { ko: '080 무료 수신거부 번호', en: '080 free opt-out number' },
  'report.arm': { ko: '그룹', en: 'arm' },
  'report.arm.holdout': { ko: '대조군 (미발송)', en: 'holdout (not sent)' },
  'report.arm.main': { ko: '발송군', en: 'main' },
  'report.arm.named': { ko: '{arm} 그룹', en: 'arm {arm}' },
  'report.targeted': { ko: '대상', en: 'targeted' },
  'report.heldOut': { ko: '대조군 제외', en: 'held out' },
  'report.blocked': { ko: '차단', en: 'blocked' },
  'report.pending': { ko: '발송 대기', en: 'pending' },
  'report.sent': { ko: '발송', en: 'sent' },
  'report.delivered': { ko: '도달', en: 'delivered' },
  'report.failed': { ko: '실패', en: 'failed' },
  'report.opened': { ko: '열람', en: 'opened' },
  'report.clicked': { ko: '클릭', en: 'clicked' },
  'report.converted': { ko: '구매 전환', en: 'conversions' },
  'report.conversionRate': { ko: '구매 전환율', en: 'conversion rate' },
  'report.lift': { ko: '상승률 (대조군 대비)', en: 'lift vs control' },
  'report.interval': { ko: '95% 신뢰구간', en: '95% interval' },
  'report.revenuePerRecipient': { ko: '1인당 매출', en: 'revenue per recipient' },
  'report.probabilityToBeat': { ko: '대조군보다 나을 확률', en: 'probability to beat control' },
  'settings.INVALID': {
    ko: '설정값에 문제가 {count}건 있습니다 — 저장하지 않았습니다',
    en: '{count} problem(s) in the settings; nothing saved',
  },
  'consent.CUSTOMER_NOT_FOUND': {
    ko: '고객을 찾을 수 없습니다: {query}',
    en: 'no customer "{query}"',
  },
});
