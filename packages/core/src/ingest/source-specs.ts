import type { SourceKind } from './source-kind.ts';

export interface FieldSpec {
  /** Header texts seen in real exports, matched ignoring spaces, case and punctuation. */
  readonly aliases: readonly string[];
  readonly required?: boolean;
  /**
   * A required field that may be missing when this one is found instead: the mapper builds a
   * stable key from it (product code → product name and option) and the import warns.
   */
  readonly fallback?: string;
}

export interface SourceSpec {
  readonly kind: Exclude<SourceKind, 'events'>;
  readonly label: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** Headers that (among the known kinds) mostly this export has; they weigh most in detection. */
  readonly signature: readonly string[];
}

const f = (aliases: readonly string[], required = false): FieldSpec => ({ aliases, required });
/** An order export's product code: sellers may leave its column out; the name (and option) stand in. */
const orderProduct = (aliases: readonly string[]): FieldSpec => ({ aliases, required: true, fallback: 'product_name' });

// Canonical ← aliases, after KOREA.md ("Header aliases seen in real exports").
const ORDER_ID = f(['주문번호', 'order_id', '주문 번호'], true);
const ORDERED_AT = f(['주문일시', '주문일', '주문일자', '결제일시', '결제일', 'ordered_at', 'order_date'], true);
const PRODUCT_CODE = orderProduct([
  '상품코드',
  '판매자 상품코드',
  '자체 상품코드',
  '상품번호',
  'product_code',
  'product_id',
  'sku',
]);
const PRODUCT_NAME = f(['상품명', 'product_name']);
const OPTION = f(['옵션정보', '옵션명', '옵션', '상품옵션', 'option']);
const QTY = f(['수량', '구매수(수량)', '구매수', '주문수량', 'qty', 'quantity']);
const STATUS = f(['주문상태', '상태', '처리상태', 'status']);
const COUPON = f(['쿠폰코드', '사용쿠폰', '쿠폰', 'coupon_code']);

export const SOURCE_SPECS: readonly SourceSpec[] = [
  {
    kind: 'cafe24_orders',
    label: 'Cafe24 주문',
    signature: ['주문경로', '주문자 이메일', '품목별 주문번호'],
    fields: {
      order_id: ORDER_ID,
      line_id: f(['품목별 주문번호', 'order_item_code']),
      ordered_at: ORDERED_AT,
      buyer_name: f(['주문자명', '주문자', 'buyer_name']),
      buyer_phone: f(['주문자 휴대전화', '주문자 휴대폰', '주문자 휴대폰번호', '주문자 연락처', 'buyer_cellphone']),
      buyer_email: f(['주문자 이메일', 'buyer_email']),
      member_id: f(['회원아이디', '주문자 아이디', '회원ID', 'member_id']),
      product_code: PRODUCT_CODE,
      product_name: PRODUCT_NAME,
      option: OPTION,
      qty: QTY,
      unit_price: f(['판매가', '상품판매가', 'product_price']),
      discount: f(['할인금액', '상품별 할인금액', '총 할인금액']),
      coupon_code: COUPON,
      line_amount: f(['실결제금액', '결제금액', 'actual_payment_amount']),
      order_place: f(['주문경로', 'order_place_id']),
      status: STATUS,
    },
  },
  {
    kind: 'smartstore_orders',
    label: '네이버 스마트스토어 주문',
    signature: [
      '수취인연락처1',
      '최종 상품별 총 주문금액',
      '상품별 할인액',
      '최종 상품별 할인액',
      '상품별 총 주문금액',
    ],
    fields: {
      line_id: f(['상품주문번호'], true),
      order_id: ORDER_ID,
      ordered_at: ORDERED_AT,
      buyer_name: f(['구매자명']),
      masked_buyer_id: f(['구매자ID', '구매자 ID']),
      buyer_phone: f(['구매자연락처', '구매자 연락처']),
      recipient_phone: f(['수취인연락처1', '수취인 연락처1', '수취인연락처']),
      product_code: orderProduct(['상품번호', '판매자 상품코드', '상품코드']),
      product_name: PRODUCT_NAME,
      option: OPTION,
      qty: QTY,
      unit_price: f(['상품가격', '판매가']),
      discount: f(['상품별 할인액', '최종 상품별 할인액', '할인액']),
      line_amount: f(['최종 상품별 총 주문금액', '상품별 총 주문금액']),
      status: STATUS,
    },
  },
  {
    kind: 'coupang_orders',
    label: '쿠팡 주문',
    signature: ['노출상품ID', '등록상품명', '구매수(수량)', '등록옵션명'],
    fields: {
      order_id: ORDER_ID,
      line_id: f(['주문상품번호']),
      ordered_at: ORDERED_AT,
      buyer_name: f(['구매자', '구매자명']),
      buyer_phone: f(['구매자전화번호', '구매자 전화번호', '구매자연락처']),
      product_code: orderProduct(['노출상품ID', '옵션ID', '등록상품ID', '상품코드']),
      product_name: f(['등록상품명', '노출상품명', '상품명']),
      option: f(['등록옵션명', '노출옵션명', '옵션명']),
      qty: QTY,
      discount: f(['할인액', '할인금액']),
      line_amount: f(['결제액', '결제금액']),
      status: STATUS,
    },
  },
  {
    kind: 'orders',
    label: '마켓 주문 (무신사·29CM 등)',
    signature: ['판매채널', '주문채널', '판매처'],
    fields: {
      channel: f(['판매채널', '주문채널', '판매처', '채널', 'channel']),
      order_id: ORDER_ID,
      line_id: f(['상품주문번호', '품목별 주문번호', '주문상품번호', 'line_id']),
      ordered_at: ORDERED_AT,
      buyer_name: f(['구매자명', '주문자명', '구매자', 'buyer_name']),
      buyer_phone: f(['구매자연락처', '주문자 휴대전화', '구매자전화번호', '휴대폰', 'buyer_phone']),
      buyer_email: f(['구매자이메일', '주문자 이메일', 'buyer_email']),
      member_id: f(['구매자ID', '회원아이디', '회원ID', 'member_id']),
      product_code: PRODUCT_CODE,
      product_name: PRODUCT_NAME,
      option: OPTION,
      qty: QTY,
      unit_price: f(['판매가', '단가', 'unit_price']),
      discount: f(['할인액', '할인금액', 'discount']),
      line_amount: f(['결제액', '실결제금액', '결제금액', 'line_amount']),
      coupon_code: COUPON,
      status: STATUS,
      store: f(['매장', 'store']),
    },
  },
  {
    kind: 'pos_sales',
    label: '매장 POS 판매',
    signature: ['영수증번호', '판매일시', '거래번호', '회원번호'],
    fields: {
      ordered_at: f(['판매일시', '거래일시', '판매일자', '판매일'], true),
      order_id: f(['영수증번호', '거래번호', '전표번호'], true),
      store: f(['매장', '매장명', '점포', '점포명']),
      product_code: orderProduct(['상품코드', '바코드', '품번']),
      product_name: PRODUCT_NAME,
      qty: QTY,
      line_amount: f(['금액', '판매금액', '실판매금액', '결제금액']),
      discount: f(['할인', '할인금액', '할인액']),
      member_id: f(['회원번호', '멤버십번호', '고객번호']),
      buyer_phone: f(['휴대폰', '휴대폰번호', '연락처', '전화번호']),
      status: f(['판매구분', '거래구분', '상태']),
    },
  },
  {
    kind: 'cafe24_customers',
    label: 'Cafe24 회원',
    signature: ['뉴스메일 수신여부', '양력/음력', '최근접속일', 'SMS 수신여부'],
    fields: {
      member_id: f(['회원아이디', '아이디', 'member_id'], true),
      name: f(['이름', '회원명', 'name']),
      phone: f(['휴대폰번호', '휴대전화', '휴대폰', 'cellphone']),
      email: f(['이메일', 'email']),
      sms_ad: f(['SMS 수신여부', 'sms']),
      email_ad: f(['뉴스메일 수신여부', '이메일 수신여부', 'news_mail']),
      sms_consented_at: f(['SMS 수신동의일', 'SMS 수신동의일시', 'SMS 수신여부 변경일']),
      email_consented_at: f(['뉴스메일 수신동의일', '이메일 수신동의일', '뉴스메일 수신여부 변경일']),
      birthday: f(['생년월일', '생일', 'birthday']),
      solar_calendar: f(['양력/음력', 'solar_calendar']),
      gender: f(['성별', 'gender']),
      grade: f(['회원등급', '등급', 'group_name']),
      joined_at: f(['가입일', '회원가입일', 'created_date']),
      last_login_at: f(['최근접속일', '최종접속일', 'last_login_date']),
    },
  },
  {
    kind: 'customers',
    label: '고객 명단 (동의 포함)',
    signature: [
      'SMS 광고수신동의',
      '이메일 광고수신동의',
      '카카오 광고수신동의',
      '야간 광고수신동의',
      '카카오ID',
      '음력여부',
    ],
    fields: {
      name: f(['이름', '고객명', 'name']),
      phone: f(['휴대폰', '휴대폰번호', '휴대전화', '연락처', 'phone']),
      email: f(['이메일', 'email']),
      birthday: f(['생일', '생년월일', 'birthday']),
      lunar: f(['음력여부', '음력']),
      gender: f(['성별', 'gender']),
      signup_route: f(['가입경로', '유입경로']),
      joined_at: f(['가입일', '가입일시', '등록일']),
      sms_ad: f(['SMS 광고수신동의', 'SMS 수신동의', 'SMS 수신여부']),
      email_ad: f(['이메일 광고수신동의', '이메일 수신동의', '이메일 수신여부']),
      kakao_ad: f(['카카오 광고수신동의', '카카오톡 수신동의', '카카오 수신동의']),
      night_ad: f(['야간 광고수신동의', '야간 수신동의']),
      consented_at: f(['동의일시', '동의일']),
      kakao_id: f(['카카오ID', '카카오 ID', 'kakao_id']),
      member_id: f(['회원아이디', '회원ID']),
    },
  },
  {
    kind: 'products',
    label: '상품 카탈로그',
    signature: ['카테고리', '분류'],
    fields: {
      product_code: f(['상품코드', '상품번호', 'product_id', 'sku'], true),
      name: f(['상품명', 'name'], true),
      category: f(['카테고리', '분류', '상품분류', 'category']),
      price: f(['판매가', '가격', '정가', 'price']),
    },
  },
  {
    kind: 'warranties',
    label: '정품등록·보증 등록',
    signature: ['등록번호', '시리얼번호', '구매처', '등록일시'],
    fields: {
      registration_id: f(['등록번호', '보증번호', '정품등록번호'], true),
      registered_at: f(['등록일시', '등록일'], true),
      name: f(['이름', '고객명']),
      phone: f(['휴대폰', '휴대폰번호', '연락처']),
      email: f(['이메일']),
      product_code: f(['상품코드', '모델코드']),
      serial: f(['시리얼번호', '일련번호', 'S/N']),
      bought_at: f(['구매처', '구매채널']),
    },
  },
];

export function findSourceSpec(kind: SourceKind): SourceSpec | undefined {
  return SOURCE_SPECS.find((s) => s.kind === kind);
}

/** Header text as compared with aliases: no spaces, punctuation or case. */
export function headerKey(h: string): string {
  return h.replace(/[\s_\-()（）[\]/.·]/g, '').toLowerCase();
}
