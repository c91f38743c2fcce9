import { defineMessages } from '../define-messages.ts';

/** Dalbit's own unsubscribe page (`/u/<token>`, `unsubscribe.*`). */
export const UNSUBSCRIBE_MESSAGES = defineMessages({
  'unsubscribe.title': { ko: '광고 수신거부', en: 'Unsubscribe from advertising' },
  'unsubscribe.confirm': {
    ko: '{channel} 받는 광고성 정보 수신을 거부하시겠습니까?',
    en: 'Stop receiving advertising {channel}?',
  },
  'unsubscribe.button': { ko: '수신거부', en: 'Unsubscribe' },
  'unsubscribe.done': {
    ko: '수신거부가 처리되었습니다. 앞으로 {channel} 광고성 정보를 보내지 않습니다.',
    en: 'Done: you will no longer receive advertising {channel}.',
  },
  'unsubscribe.invalid': {
    ko: '올바르지 않은 수신거부 링크입니다. 받으신 메시지의 링크를 다시 눌러 주세요. 수신거부는 처리되지 않았습니다.',
    en: 'This unsubscribe link is not valid; open the link in the message again. Nothing was changed.',
  },
  'unsubscribe.expired': {
    ko: '수신거부 링크의 유효기간({days}일)이 지났습니다. 최근 받은 메시지의 링크를 이용하시거나 발신자에게 수신거부를 요청해 주세요. 수신거부는 처리되지 않았습니다.',
    en: 'This unsubscribe link has expired (valid {days} days); use the link in a recent message or ask the sender. Nothing was changed.',
  },
  'unsubscribe.unknown': {
    ko: '수신거부할 고객 정보를 찾을 수 없습니다. 발신자에게 문의해 주세요.',
    en: 'We could not find whom this link belongs to; please contact the sender.',
  },
  'unsubscribe.channel.email': { ko: '이메일로', en: 'by email' },
  'unsubscribe.channel.push': { ko: '앱 푸시로', en: 'by app push' },
});
