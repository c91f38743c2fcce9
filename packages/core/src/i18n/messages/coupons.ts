import { defineMessages } from '../define-messages.ts';

/** A campaign's issued coupons on the dashboard and their downloads (codes, Cafe24 member issue). */
export const COUPON_MESSAGES = defineMessages({
  'coupons.title': { ko: '발급한 쿠폰', en: 'Issued coupons' },
  'coupons.summary': {
    ko: '발급 {issued}개 · 사용 {redeemed}개',
    en: '{issued} issued · {redeemed} redeemed',
  },
  'coupons.none': { ko: '아직 발급한 쿠폰이 없습니다.', en: 'No coupon issued yet.' },
  'coupons.codesCsv': { ko: '쿠폰 코드 (CSV)', en: 'Coupon codes (CSV)' },
  'coupons.cafe24Title': { ko: '카페24에 발급 등록', en: 'Register in Cafe24' },
  'coupons.cafe24Help': {
    ko: '카페24 관리자 → 쿠폰 발급 → 대상자 지정 발급 → 엑셀 등록 발급에 올리는 회원아이디 파일입니다. 아직 쓰지 않았고 만료되지 않은 쿠폰을 가진 카페24 회원만 담깁니다. 회원아이디는 개인정보이므로 사유가 필요하고 접근 기록에 남습니다.',
    en: 'The member-id file for Cafe24 admin → coupon issue → issue to listed members → Excel upload. It lists Cafe24 members holding an unused, unexpired code. Member ids are personal data: a reason is required and the download is access-logged.',
  },
  'coupons.couponNo': { ko: '카페24 쿠폰번호 (API용, 선택)', en: 'Cafe24 coupon number (for the API, optional)' },
  'coupons.cafe24Members': { ko: '회원아이디 파일 (CSV)', en: 'Member-id file (CSV)' },
  'coupons.cafe24Api': { ko: 'Admin API 요청 (JSON)', en: 'Admin API requests (JSON)' },
  'coupons.cafe24Done': {
    ko: '{file}: 회원 {members}명 (카페24 회원아이디가 없는 {without}명 제외)',
    en: '{file}: {members} members ({without} without a Cafe24 member id left out)',
  },
  'coupons.cafe24Forbidden': {
    ko: '카페24 회원아이디 파일은 개인정보라 소유자·개인정보 담당자만 내려받을 수 있습니다',
    en: 'The Cafe24 member-id file is personal data: owners and privacy officers only',
  },
  'coupons.notices.title': { ko: '안내와 쿠폰', en: 'Notices and coupons' },
  'coupons.notices.reconfirm': {
    ko: '수신동의 재확인 안내 (2년 주기)',
    en: 'Consent re-confirmation notices (every 2 years)',
  },
  'coupons.notices.noReconfirm': {
    ko: '보낸 재확인 안내가 없고 30일 안에 예정된 것도 없습니다.',
    en: 'No re-confirmation notice sent and none due within 30 days.',
  },
  'coupons.notices.coupons': { ko: '받은 쿠폰', en: 'Coupons received' },
  'coupons.notices.noCoupons': { ko: '받은 쿠폰이 없습니다.', en: 'No coupon received.' },
  'coupons.col.campaign': { ko: '캠페인', en: 'Campaign' },
  'coupons.col.code': { ko: '쿠폰 코드', en: 'Code' },
  'coupons.col.value': { ko: '할인', en: 'Discount' },
  'coupons.col.issuedAt': { ko: '발급', en: 'Issued' },
  'coupons.col.expiresAt': { ko: '만료', en: 'Expires' },
  'coupons.col.state': { ko: '상태', en: 'State' },
  'coupons.state.redeemed': { ko: '사용 ({at})', en: 'redeemed ({at})' },
  'coupons.state.expired': { ko: '만료', en: 'expired' },
  'coupons.state.live': { ko: '사용 가능', en: 'usable' },
});
