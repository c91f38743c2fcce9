import { defineMessages } from '../define-messages.ts';

/** The audience report as plain text (`dalbit report`): headings and units beside the figures. */
export const REPORT_TEXT_MESSAGES = defineMessages({
  'report.title': { ko: '고객 리포트 · {day} 0시(KST) 기준', en: 'audience report · as of {day} 00:00 KST' },
  'report.won': { ko: '{amount}원', en: '{amount} KRW' },
  'report.people': { ko: '{count}명', en: '{count}' },
  'report.times': { ko: '{count}회', en: '{count}' },
  'report.index': { ko: '지수 {index}', en: 'index {index}' },
  'report.buyers': { ko: '{count}명', en: '{count} buyers' },
  'report.reach': {
    ko: '{reachable} ({share}) · 동의 {consented} · 연락처 {contact}',
    en: '{reachable} ({share}) · consented {consented} · contact {contact}',
  },
  'report.lastDays': { ko: '최근 {days}일', en: 'last {days} days' },
  'report.visitors': { ko: '방문 고객', en: 'visitors' },
  'report.sessions': { ko: '세션', en: 'sessions' },
  'report.perVisitor': { ko: '{sessions} ({perVisitor}/인)', en: '{sessions} ({perVisitor}/visitor)' },
  'report.avgSession': { ko: '평균 세션 시간', en: 'avg session' },
  'report.timePerVisitor': { ko: '1인당 체류 시간', en: 'time per visitor' },
  'report.minutes': { ko: '{minutes}분', en: '{minutes} min' },
  'report.toDate': { ko: '{month} (진행 중)', en: '{month} (to date)' },
});
