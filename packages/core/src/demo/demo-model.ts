import type { DemoProduct } from './catalog.ts';
import type { KoreanName } from './korean-names.ts';

/** Where a person first met the brand. */
export type Acquisition =
  | 'cafe24'
  | 'smartstore'
  | 'musinsa'
  | '29cm'
  | 'coupang'
  | 'offline'
  | 'popup'
  | 'kakao_form'
  | 'gift';

/** Sales channel of one order (Cafe24 own shop covers PC web and mobile). */
export type SalesChannel = 'cafe24' | 'smartstore' | 'musinsa' | '29cm' | 'coupang' | 'offline' | 'popup';

export type LineStatus = 'paid' | 'cancelled' | 'returned' | 'exchanged';

export const OFFLINE_STORES = ['강남점', '성수점', '부산 서면점'] as const;
export const POPUP_STORE = '더현대 팝업';

export interface DemoLine {
  readonly product: DemoProduct;
  readonly option: string;
  readonly quantity: number;
  readonly discount: number;
  status: LineStatus;
}

export interface DemoOrder {
  readonly channel: SalesChannel;
  /** Cafe24 주문경로: PC web or mobile. */
  readonly device: 'cafe24' | 'mobile';
  readonly store?: string;
  /** Epoch ms (UTC). */
  readonly at: number;
  readonly lines: DemoLine[];
  readonly coupon?: string;
  /** Bought while logged in as a Cafe24 member (else a guest order). */
  member: boolean;
}

export interface Cafe24Membership {
  readonly memberId: string;
  readonly joinedAt: number;
  readonly lastLoginAt: number;
  readonly sms: boolean;
  readonly newsMail: boolean;
  readonly givesBirthday: boolean;
  readonly givesGender: boolean;
  readonly signupMethod: 'kakao' | 'naver' | 'email';
}

export interface KakaoSignup {
  readonly kakaoId: string;
  readonly route: '카카오싱크' | '카카오 채널' | '팝업스토어' | '매장 태블릿' | '이벤트 응모';
  readonly at: number;
  /** undefined = the form left the box empty (missing consent). */
  readonly sms?: boolean;
  readonly email?: boolean;
  readonly kakao?: boolean;
  readonly night?: boolean;
  readonly fullBirthday: boolean;
}

export interface DemoWarranty {
  readonly product: DemoProduct;
  readonly at: number;
  readonly boughtAt: string;
}

/** Hidden traits: the truth the analytics should rediscover; `responsiveness` is for experiments. */
export interface DemoTraits {
  readonly discountSensitive: boolean;
  readonly returner: boolean;
  readonly canceller: boolean;
  readonly migrator: boolean;
  /** Latent propensity to react to a message, in [0, 1]; never written to any file. */
  readonly responsiveness: number;
  readonly favoriteCategory: string;
}

export interface DemoPerson {
  readonly index: number;
  readonly name: KoreanName;
  readonly gender: 'F' | 'M';
  readonly birth: { readonly year: number; readonly month: number; readonly day: number; readonly lunar: boolean };
  /** 11 digits, '010…'. */
  readonly phone: string;
  readonly email: string;
  readonly acquisition: Acquisition;
  readonly firstSeenAt: number;
  readonly traits: DemoTraits;
  readonly orders: DemoOrder[];
  cafe24?: Cafe24Membership;
  /** Cafe24 grade label, from own-shop spend. */
  grade: '일반' | '실버' | '골드' | 'VIP';
  readonly storeMemberNo?: string;
  readonly marketplaceId: string;
  readonly naverId: string;
  kakao?: KakaoSignup;
  readonly warranties: DemoWarranty[];
  /** Tracker anonymous ids (one per device). */
  readonly devices: readonly string[];
}
