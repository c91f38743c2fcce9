import { defineMessages } from '../define-messages.ts';

/** The two-year consent re-confirmation (`reconfirm.*`): runtime log, refusals, dashboard page. */
export const RECONFIRM_MESSAGES = defineMessages({
  'reconfirm.channel.sms': { ko: '문자', en: 'SMS' },
  'reconfirm.channel.kakao': { ko: '카카오톡', en: 'KakaoTalk' },
  'reconfirm.channel.email': { ko: '이메일', en: 'email' },
  'reconfirm.channel.push': { ko: '앱 푸시', en: 'app push' },
  'reconfirm.missing.name': { ko: '발신자 상호', en: 'sender name' },
  'reconfirm.missing.optOutNumber': { ko: '무료수신거부 번호(080)', en: 'free opt-out number (080)' },
  'reconfirm.missing.smsFrom': { ko: '등록된 문자 발신번호', en: 'registered SMS sender number' },
  'reconfirm.missing.email': { ko: '이메일 발신 주소', en: 'email sender address' },
  'reconfirm.log.pass': {
    ko: '수신동의 확인 안내: 발송 대기 {queued} · 연락처 없음 {unreachable} · 발송 기록 {recorded} · 동의 만료 {lapsed}',
    en: 'consent re-confirmation: queued {queued} · no address {unreachable} · recorded as sent {recorded} · lapsed {lapsed}',
  },
  'reconfirm.log.refused': {
    ko: '{channel} 안내 {waiting}건을 보낼 수 없습니다 (설정 필요: {missing})',
    en: 'cannot send {waiting} {channel} notices (not set: {missing})',
  },
  'reconfirm.refused': {
    ko: '{channel} 수신동의 확인 안내 {waiting}건을 보낼 수 없습니다. 설정되지 않은 항목: {missing}. 발신자 정보는 설정 페이지에서, 발신번호·이메일 발신 주소는 캠페인 발신 설정에서 입력하세요.',
    en: 'Cannot send {waiting} {channel} re-confirmation notices. Missing: {missing}. Set the sender on the settings page and the sender number / email address in a campaign.',
  },
  'reconfirm.nav': { ko: '수신동의 재확인', en: 'Consent re-confirmation' },
  'reconfirm.title': { ko: '수신동의 재확인 (2년 주기)', en: 'Consent re-confirmation (every 2 years)' },
  'reconfirm.lead': {
    ko: '정보통신망법에 따라 광고 수신에 동의한 날부터 2년마다 동의 사실을 알립니다. 안내는 광고가 아닌 정보성 메시지로 동의한 채널로 발송되며, 답이 없으면 동의가 유지됩니다. 안내가 기한까지 전달되지 못하면 그 채널의 동의는 만료됩니다.',
    en: 'By law, every 2 years from the consent date each consenting customer is told they consented. The notice is informational (not an ad) and goes on the consented channel; no answer keeps the consent. When a notice cannot be delivered by its deadline, that channel’s consent lapses.',
  },
  'reconfirm.card.upcoming': {
    ko: '안내 예정 (기준일 30일 이내·경과)',
    en: 'Not notified yet (due within 30 days or past)',
  },
  'reconfirm.card.pending': { ko: '발송 대기', en: 'Waiting to send' },
  'reconfirm.card.sent': { ko: '발송됨', en: 'Sent' },
  'reconfirm.card.undelivered': { ko: '전달 못함', en: 'Not delivered' },
  'reconfirm.card.lapsed': { ko: '동의 만료', en: 'Lapsed' },
  'reconfirm.col.customer': { ko: '고객', en: 'Customer' },
  'reconfirm.col.contact': { ko: '연락처', en: 'Contact' },
  'reconfirm.col.channel': { ko: '채널', en: 'Channel' },
  'reconfirm.col.consentedAt': { ko: '동의일', en: 'Consented' },
  'reconfirm.col.dueAt': { ko: '안내 기준일', en: 'Due' },
  'reconfirm.col.state': { ko: '상태', en: 'State' },
  'reconfirm.state.upcoming': { ko: '예정', en: 'upcoming' },
  'reconfirm.state.pending': { ko: '발송 대기', en: 'waiting' },
  'reconfirm.state.sent': { ko: '발송됨', en: 'sent' },
  'reconfirm.state.undelivered': { ko: '전달 못함', en: 'not delivered' },
  'reconfirm.state.lapsed': { ko: '동의 만료', en: 'lapsed' },
  'reconfirm.filter.all': { ko: '전체', en: 'All' },
  'reconfirm.empty': { ko: '해당하는 고객이 없습니다.', en: 'No customers in this list.' },
  'reconfirm.sender': { ko: '발신: {detail}', en: 'Sender: {detail}' },
  'reconfirm.reason.UNREACHABLE': { ko: '해당 채널 연락처 없음', en: 'no address on the channel' },
});
