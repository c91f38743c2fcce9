import { ownValue } from '../../json/own-value.ts';

const CHANNELS: Readonly<Record<string, string>> = {
  자사몰: 'cafe24',
  카페24: 'cafe24',
  cafe24: 'cafe24',
  홈페이지: 'cafe24',
  온라인몰: 'cafe24',
  pc: 'cafe24',
  mobile: 'cafe24',
  모바일: 'cafe24',
  스마트스토어: 'smartstore',
  네이버: 'smartstore',
  네이버스마트스토어: 'smartstore',
  smartstore: 'smartstore',
  shopn: 'smartstore',
  쿠팡: 'coupang',
  coupang: 'coupang',
  무신사: 'musinsa',
  musinsa: 'musinsa',
  '29cm': '29cm',
  이십구cm: '29cm',
  지그재그: 'zigzag',
  zigzag: 'zigzag',
  에이블리: 'ably',
  ably: 'ably',
  오프라인: 'offline',
  매장: 'offline',
  offline: 'offline',
  팝업: 'popup',
  팝업스토어: 'popup',
  popup: 'popup',
  카카오: 'kakao',
  카카오톡: 'kakao',
  kakao: 'kakao',
};

/**
 * Canonical channel name for labels exports use ("스마트스토어", "무신사", "29CM", "쿠팡").
 * Unknown labels are kept, lower-cased without spaces, so a new marketplace still imports.
 */
export function normaliseChannel(label: string): string {
  const k = label.trim().toLowerCase().replace(/\s+/g, '');
  return ownValue(CHANNELS, k) ?? k;
}
