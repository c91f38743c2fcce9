import { defineMessages } from '../define-messages.ts';

/** `dalbit campaign …`: subcommand and option help. */
export const CLI_CAMPAIGN_MESSAGES = defineMessages({
  'cli.campaign.create': {
    ko: 'JSON 파일 또는 옵션으로 캠페인 생성·수정',
    en: 'create or revise a campaign from a JSON file or flags',
  },
  'cli.campaign.list': { ko: '캠페인 목록', en: 'list campaigns' },
  'cli.campaign.preview': {
    ko: '고객 한 명에게 보일 채널별 메시지와 발송 판단',
    en: 'rendered message per channel and the guard decision for one customer',
  },
  'cli.campaign.simulate': {
    ko: '과거 기간을 실제 데이터로 재현 (발송하지 않음)',
    en: 'replay a past period on real data without sending',
  },
  'cli.campaign.run': { ko: '이 캠페인의 스케줄러를 한 번 실행', en: 'run the scheduler once for this campaign' },
  'cli.campaign.status': {
    ko: '상태·사유별 메시지 수, 그룹별 노출',
    en: 'counts by status and reason, exposures by arm',
  },
  'cli.campaign.lifecycle': {
    ko: '캠페인 {action} (POST /api/campaigns/{id}/{name} 과 같은 규칙)',
    en: '{name} (same rules as POST /api/campaigns/{id}/{name})',
  },
  'cli.campaign.opt.file': { ko: '캠페인 JSON 파일', en: 'campaign JSON' },
  'cli.campaign.opt.id': { ko: '캠페인 id', en: 'campaign id' },
  'cli.campaign.opt.name': { ko: '캠페인 이름', en: 'campaign name' },
  'cli.campaign.opt.purpose': { ko: '목적: ad(광고) 또는 info(정보성)', en: 'purpose: ad or info' },
  'cli.campaign.opt.channel': { ko: '채널: {channels}', en: 'channel: {channels}' },
  'cli.campaign.opt.text': {
    ko: '메시지 템플릿, 예: "{{ name }}님 …"',
    en: 'message template (Liquid), e.g. "Hi {{ name }}, …"',
  },
  'cli.campaign.opt.subject': {
    ko: '이메일 제목 / 푸시 제목 / 알림톡 템플릿 코드',
    en: 'email subject / push title / AlimTalk template code',
  },
  'cli.campaign.opt.smsFrom': { ko: '등록된 문자 발신번호', en: 'registered SMS sender number' },
  'cli.campaign.opt.kakaoSenderKey': { ko: '카카오 발신 프로필 키', en: 'Kakao sender profile key' },
  'cli.campaign.opt.fallbackSms': { ko: '카카오 실패 시 문자로 대체 발송', en: 'Kakao → SMS fallback' },
  'cli.campaign.opt.segment': { ko: '대상: 저장된 세그먼트', en: 'stored segment as audience' },
  'cli.campaign.opt.recipe': { ko: '대상: 세그먼트 레시피', en: 'segment recipe as audience' },
  'cli.campaign.opt.at': { ko: '한 번 발송할 시각 (ISO)', en: 'one-off broadcast (ISO instant)' },
  'cli.campaign.opt.daily': { ko: '매일 이 시각에 (KST)', en: 'every day at (KST)' },
  'cli.campaign.opt.birthday': { ko: '생일 N일 전에', en: 'N days before the birthday' },
  'cli.campaign.opt.signup': { ko: '가입 N일 뒤에', en: 'N days after sign-up' },
  'cli.campaign.opt.cart': {
    ko: '장바구니 이탈: 담은 뒤 N시간, 구매하면 제외',
    en: 'cart abandonment: hours after add_to_cart, exit on purchase',
  },
  'cli.campaign.opt.holdout': { ko: '대조군 비율 (%)', en: 'holdout share (percent)' },
  'cli.campaign.opt.priority': {
    ko: '우선순위 (같은 고객에게 겹칠 때)',
    en: 'priority when campaigns overlap for a customer',
  },
  'cli.campaign.opt.coupon': { ko: '쿠폰: 5000(원) 또는 10%', en: 'coupon: 5000 (KRW) or 10%' },
  'cli.campaign.opt.couponDays': { ko: '쿠폰 유효 일수', en: 'days the coupon is valid' },
  'cli.campaign.opt.couponBudget': { ko: '쿠폰 발급 한도 (장)', en: 'most coupons to issue' },
  'cli.campaign.opt.customer': { ko: '미리 볼 고객 id', en: 'customer id to preview for' },
  'cli.campaign.opt.decideAt': { ko: '이 시각 기준으로 판단 (기본값: 지금)', en: 'decide as of (default now)' },
  'cli.campaign.opt.policy': {
    ko: '준수 정책 JSON 파일 (기본값: 웨어하우스 설정 또는 데이터 폴더)',
    en: 'compliance policy JSON (default: warehouse settings or the data directory)',
  },
  'cli.campaign.notFound': { ko: '캠페인을 찾을 수 없습니다: {id}', en: 'no campaign "{id}"' },
  'cli.campaign.statusMessages': { ko: '메시지 (상태, 사유, 건수)', en: 'messages (status, reason, count)' },
  'cli.campaign.statusExposures': { ko: '노출 (그룹, 대상, 메시지)', en: 'exposures (arm, targeted, with message)' },
  'cli.campaign.statusCoupons': {
    ko: '쿠폰: 발급 {issued}, 사용 {redeemed} (유효 사용 {valid})',
    en: 'coupons: issued {issued}, redeemed {redeemed} (valid {valid})',
  },
  'cli.campaign.holdout': { ko: '대조군(미발송)', en: 'holdout (not sent)' },
  'cli.campaign.opt.day': { ko: '날짜 YYYY-MM-DD (KST)', en: 'date YYYY-MM-DD (KST)' },
  'cli.campaign.opt.now': { ko: '기준 시각 (기본값: 지금)', en: 'as of (default now)' },
});
