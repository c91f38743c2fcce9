import { defineMessages } from '../define-messages.ts';

/**
 * Campaign studio, second part: the composer's follow-up step (wait, branch, second message), weekly
 * recurrence, Kakao AlimTalk and webhook channels, the inline audience, cap collisions in the
 * pre-flight and the channel-credential status and test send on the settings page.
 */
export const STUDIO_FLOW_MESSAGES = defineMessages({
  'studio.section.steps': { ko: '5. 단계 (후속 메시지)', en: '5. Steps (follow-up)' },
  'studio.flow.add': {
    ko: '후속 메시지 추가 (기다린 뒤 조건에 따라)',
    en: 'Add a follow-up (after a wait, on a condition)',
  },
  'studio.flow.remove': { ko: '이 단계 빼기', en: 'Remove this step' },
  'studio.flow.addMore': {
    ko: '후속 메시지 하나 더 (최대 {max}개)',
    en: 'One more follow-up (at most {max})',
  },
  'studio.flow.channel': { ko: '이 단계의 채널', en: 'Channel of this step' },
  'studio.flow.nth': { ko: '{ordinal} 메시지', en: '{ordinal} message' },
  'studio.flow.ordinal.second': { ko: '두 번째', en: 'Second' },
  'studio.flow.ordinal.third': { ko: '세 번째', en: 'Third' },
  'studio.flow.ordinal.fourth': { ko: '네 번째', en: 'Fourth' },
  'studio.flow.ordinal.fifth': { ko: '다섯 번째', en: 'Fifth' },
  'studio.flow.since': {
    ko: '조건은 캠페인이 고객에게 처음 닿은 때부터 봅니다. 카카오 단계의 문자 대체 발송은 채널 옆 체크로 모든 단계에 적용됩니다.',
    en: 'Conditions count from when the campaign first reached the customer. SMS fallback for Kakao steps is the checkbox next to the channel, for every step.',
  },
  'studio.flow.single': {
    ko: '지금은 메시지 한 번으로 끝납니다.',
    en: 'The campaign sends one message.',
  },
  'studio.flow.waitDays': { ko: '앞 메시지 후 기다릴 기간 (일)', en: 'Wait after the previous message (days)' },
  'studio.flow.unless': { ko: '이런 고객에게는 보내지 않음', en: 'Skip customers who' },
  'studio.flow.unless.purchased': { ko: '그 사이 구매한 고객', en: 'bought in between' },
  'studio.flow.unless.message_clicked': { ko: '그 사이 메시지를 클릭한 고객', en: 'clicked a message in between' },
  'studio.flow.unless.message_opened': { ko: '그 사이 메시지를 연 고객', en: 'opened a message in between' },
  'studio.flow.node.first': { ko: '첫 메시지', en: 'First message' },
  'studio.flow.node.wait': { ko: '{days}일 기다림', en: 'Wait {days} days' },
  'studio.flow.node.branch': { ko: '{condition}?', en: '{condition}?' },
  'studio.flow.node.yes': { ko: '예 → 종료', en: 'yes → end' },
  'studio.flow.node.no': { ko: '아니요 → {message}', en: 'no → {message}' },
  'studio.flow.cond.purchased': { ko: '구매했나요', en: 'Bought' },
  'studio.flow.cond.message_clicked': { ko: '메시지를 클릭했나요', en: 'Clicked a message' },
  'studio.flow.cond.message_opened': { ko: '메시지를 열었나요', en: 'Opened a message' },
  'studio.where.scenario': { ko: '후속 메시지', en: 'Follow-up' },
  'studio.alimtalk.code': { ko: '등록된 알림톡 템플릿 코드', en: 'Registered AlimTalk template code' },
  'studio.alimtalk.body': {
    ko: '승인된 템플릿 본문 (붙여 넣으면 #{변수}마다 칸이 생기고, 변수를 채운 길이를 1,000자 한도로 확인합니다)',
    en: 'Approved template body (pasting it adds a row per #{variable}; the filled length is checked against 1,000 characters)',
  },
  'studio.alimtalk.variables': {
    ko: '템플릿 변수 값 ({{ name }} 같은 변수를 쓸 수 있습니다)',
    en: 'Template variable values (variables such as {{ name }} allowed)',
  },
  'studio.alimtalk.infoOnly': {
    ko: '알림톡은 정보성 메시지(주문·배송·예약 안내 등)만 보낼 수 있습니다. 광고는 브랜드 메시지나 문자로 보내세요.',
    en: 'AlimTalk carries informational messages only (orders, shipping, bookings). Send ads as brand messages or SMS.',
  },
  'studio.webhook.event': {
    ko: '웹훅 이벤트 이름 (예: customer.birthday_due)',
    en: 'Webhook event name (e.g. customer.birthday_due)',
  },
  'studio.webhook.payload': {
    ko: '보낼 값 (이름과 값, 값에는 {{ name }} 같은 변수를 쓸 수 있습니다)',
    en: 'Payload (name and value; values may use variables such as {{ name }})',
  },
  'studio.webhook.note': {
    ko: '설정된 웹훅 주소로 고객마다 서명된 JSON을 보냅니다 (DALBIT_WEBHOOK_URL).',
    en: 'Sends signed JSON per customer to the configured webhook URL (DALBIT_WEBHOOK_URL).',
  },
  'studio.pair.key': { ko: '이름', en: 'Name' },
  'studio.pair.value': { ko: '값', en: 'Value' },
  'studio.pair.add': { ko: '값 추가', en: 'Add a value' },
  'studio.pair.remove': { ko: '빼기', en: 'Remove' },
  'studio.check.alimtalkAd': {
    ko: '알림톡은 정보성 메시지만 보낼 수 있습니다 — 목적을 정보성으로 바꾸거나 브랜드 메시지·문자를 고르세요',
    en: 'AlimTalk carries informational messages only: make the purpose informational or pick brand message or SMS',
  },
  'studio.preview.heldOut': {
    ko: '실제로는 이 고객에게 보내지 않습니다 (아래는 보냈다면 나갔을 메시지)',
    en: 'this customer will not receive it (below: what would have been sent)',
  },
  'studio.inline.option': { ko: '여기서 조건 만들기', en: 'Build conditions here' },
  'studio.inline.invalid': { ko: '조건을 고치면 인원을 셉니다', en: 'Fix the conditions to count' },
  'studio.collisions.title': {
    ko: '다른 진행 중 캠페인과 겹쳐 빈도 한도에 막히는 고객 (함께 발송될 때)',
    en: 'Blocked by the frequency cap because another running campaign reaches them (sent together)',
  },
  'studio.collisions.row': { ko: '「{name}」이(가) 먼저 도달', en: '"{name}" reaches them first' },
  'studio.trigger.weekdays': { ko: '요일 (선택하지 않으면 매일)', en: 'Weekdays (none = every day)' },
  'studio.weekday.0': { ko: '일', en: 'Sun' },
  'studio.weekday.1': { ko: '월', en: 'Mon' },
  'studio.weekday.2': { ko: '화', en: 'Tue' },
  'studio.weekday.3': { ko: '수', en: 'Wed' },
  'studio.weekday.4': { ko: '목', en: 'Thu' },
  'studio.weekday.5': { ko: '금', en: 'Fri' },
  'studio.weekday.6': { ko: '토', en: 'Sat' },
  'studio.preview.followUp': {
    ko: '후속 메시지 (조건에 맞는 고객에게 나중에 발송)',
    en: 'Follow-up message (sent later to those who match the condition)',
  },
  'studio.check.datetime': {
    ko: '날짜와 시각은 YYYY-MM-DD HH:MM (24시간, 한국 시간)으로 쓰세요. 예: 2026-12-24 10:00',
    en: 'Date and time as YYYY-MM-DD HH:MM (24h, KST), e.g. 2026-12-24 10:00',
  },
});
