import { defineMessages } from '../define-messages.ts';

/** Dashboard shell (login, navigation, forms, errors) and the audience pages (`shell.*`, `form.*`, `chart.*`, `audience.*`). */
export const WEB_AUDIENCE_MESSAGES = defineMessages({
  'shell.loginTitle': { ko: '달빛 CRM 로그인', en: 'Log in to Dalbit CRM' },
  'shell.email': { ko: '이메일', en: 'Email' },
  'shell.password': { ko: '비밀번호', en: 'Password' },
  'shell.login': { ko: '로그인', en: 'Log in' },
  'shell.loggingIn': { ko: '로그인 중…', en: 'Logging in…' },
  'shell.logout': { ko: '로그아웃', en: 'Log out' },
  'shell.loggedOut': { ko: '로그아웃했습니다', en: 'Logged out' },
  'shell.loginHint': {
    ko: '처음이라면 dalbit demo 또는 dalbit init 이 출력한 계정으로 로그인하세요',
    en: 'First time? Use the login printed by dalbit demo or dalbit init',
  },
  'shell.role.owner': { ko: '소유자', en: 'Owner' },
  'shell.role.marketer': { ko: '마케터', en: 'Marketer' },
  'shell.role.analyst': { ko: '분석가', en: 'Analyst' },
  'shell.role.privacy': { ko: '개인정보 보호책임자', en: 'Privacy officer' },
  'shell.notFound': { ko: '없는 페이지입니다', en: 'Page not found' },
  'shell.goHome': { ko: '홈으로', en: 'Go home' },
  'shell.close': { ko: '닫기', en: 'Close' },
  'shell.error.generic': { ko: '요청을 처리하지 못했습니다', en: 'The request failed' },
  'shell.error.network': {
    ko: '서버에 연결할 수 없습니다. 서버가 실행 중인지 확인하세요',
    en: 'Cannot reach the server; check that it is running',
  },
  'shell.error.unauthenticated': { ko: '로그인이 필요합니다', en: 'Please log in' },
  'shell.error.forbidden': { ko: '이 작업을 할 권한이 없습니다', en: 'You are not allowed to do this' },
  'shell.error.notFound': { ko: '찾는 항목이 없습니다', en: 'Not found' },
  'shell.error.validation': { ko: '입력값을 확인하세요', en: 'Check the input' },
  'shell.error.server': {
    ko: '서버 오류가 발생했습니다. 서버 기록을 확인하세요',
    en: 'Server error; see the server log',
  },
  'shell.error.rateLimited': {
    ko: '요청이 너무 많습니다. 잠시 뒤 다시 시도하세요',
    en: 'Too many requests; retry later',
  },
  'form.required': { ko: '값을 입력하세요', en: 'Enter a value' },
  'form.notNumber': { ko: '숫자를 입력하세요', en: 'Enter a number' },
  'form.notInteger': { ko: '정수를 입력하세요', en: 'Enter a whole number' },
  'form.negative': { ko: '0 이상의 값을 입력하세요', en: 'Enter 0 or more' },
  'form.belowMin': { ko: '{min} 이상의 값을 입력하세요', en: 'Enter {min} or more' },
  'form.aboveMax': { ko: '{max} 이하의 값을 입력하세요', en: 'Enter {max} or less' },
  'form.inverted': {
    ko: '최솟값({min})이 최댓값({max})보다 큽니다',
    en: 'The minimum ({min}) is larger than the maximum ({max})',
  },
  'form.from': { ko: '최소', en: 'From' },
  'form.to': { ko: '최대', en: 'To' },
  'chart.empty': { ko: '표시할 데이터가 없습니다', en: 'No data to show' },
});
