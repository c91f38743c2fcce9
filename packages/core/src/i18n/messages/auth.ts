import { defineMessages } from '../define-messages.ts';

/** Accounts, sessions, roles and browser protections (`auth.*`). */
export const AUTH_MESSAGES = defineMessages({
  'auth.loginFailed': { ko: '이메일 또는 비밀번호가 올바르지 않습니다', en: 'wrong email or password' },
  'auth.rateLimited': {
    ko: '로그인 시도가 너무 많습니다. {seconds}초 뒤에 다시 시도하세요',
    en: 'too many login attempts; try again in {seconds} seconds',
  },
  'auth.sessionExpired': { ko: '세션이 만료되었습니다. 다시 로그인하세요', en: 'your session expired; log in again' },
  'auth.reasonRequired': {
    ko: '개인정보 열람 사유를 입력하세요 (2자 이상)',
    en: 'a reason is required to view unmasked personal data (at least 2 characters)',
  },
  'auth.jsonOnly': {
    ko: '이 요청은 application/json 본문만 받습니다',
    en: 'this request accepts only an application/json body',
  },
  'auth.crossSite': {
    ko: '다른 사이트에서 보낸 요청은 받지 않습니다',
    en: 'requests sent from another site are refused',
  },
  'auth.badHost': {
    ko: '허용되지 않은 호스트 이름입니다: {host} (DALBIT_ALLOWED_HOSTS)',
    en: 'host name not allowed: {host} (DALBIT_ALLOWED_HOSTS)',
  },
  'auth.methodNotAllowed': {
    ko: '이 주소는 {method} 요청을 받지 않습니다 (허용: {allow})',
    en: 'this path does not accept {method} (allowed: {allow})',
  },
  'auth.userExists': { ko: '이미 등록된 이메일입니다: {email}', en: 'a user with this email exists: {email}' },
  'auth.userNotFound': { ko: '사용자를 찾을 수 없습니다: {email}', en: 'no such user: {email}' },
  'auth.weakPassword': {
    ko: '비밀번호는 10자 이상이어야 합니다',
    en: 'the password must have at least 10 characters',
  },
  'auth.badRole': {
    ko: '역할은 owner, marketer, analyst, privacy 중 하나여야 합니다',
    en: 'the role must be one of owner, marketer, analyst, privacy',
  },
  'auth.lastOwner': {
    ko: '마지막 관리자(owner)는 비활성화할 수 없습니다',
    en: 'the last active owner cannot be disabled',
  },
  'auth.firstOwner': { ko: '로그인: {email} / {password}', en: 'login: {email} / {password}' },
  'auth.role.owner': { ko: '관리자', en: 'Owner' },
  'auth.role.marketer': { ko: '마케터', en: 'Marketer' },
  'auth.role.analyst': { ko: '분석가', en: 'Analyst' },
  'auth.role.privacy': { ko: '개인정보 보호책임자', en: 'Privacy officer' },
});
