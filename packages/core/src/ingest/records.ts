/**
 * Canonical records: what every importer (Cafe24, SmartStore, Coupang, POS, customer lists,
 * events, catalogue, warranties, the HTTP ingest API) produces after mapping and normalising,
 * and what identity resolution and the warehouse writers consume. Times are UTC `Date`s,
 * money integer KRW, phones E.164.
 */
export type IdentityKind = 'phone' | 'email' | 'member' | 'kakao' | 'warranty' | 'anon';

export interface IdentityKey {
  readonly kind: IdentityKind;
  /** Normalised value; member ids are namespaced `channel:id`. */
  readonly value: string;
  /** False for keys that must never merge two people (050 virtual numbers, landlines). */
  readonly mergeable: boolean;
}

/** A person as one source saw them: a member row, an order's buyer, a POS member, a registrant. */
export interface PersonRecord {
  /** Stable id of this record in its source, e.g. `cafe24:member:hong123`. */
  readonly recordId: string;
  readonly channel: string;
  readonly keys: readonly IdentityKey[];
  readonly seenAt: Date;
  readonly name?: string;
  /** Marketable mobile phone (E.164), if the source has one. */
  readonly phone?: string;
  readonly email?: string;
  readonly birthdayMd?: string;
  readonly birthYear?: number;
  readonly birthdayLunar?: boolean;
  readonly gender?: 'F' | 'M';
  readonly grade?: string;
  readonly memberId?: string;
  readonly joinedAt?: Date;
  readonly lastLoginAt?: Date;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

export type OrderStatus = 'paid' | 'cancelled' | 'returned' | 'exchanged';

export interface OrderLineRecord {
  readonly lineId: string;
  readonly productId: string;
  readonly productName?: string;
  readonly category?: string;
  readonly option?: string;
  readonly quantity: number;
  readonly lineAmount: number;
  readonly discountAmount: number;
  readonly status: OrderStatus;
}

export interface OrderRecord {
  /** `channel:order number`. */
  readonly orderId: string;
  readonly channel: string;
  readonly store?: string;
  /** The buyer; resolved to a customer by identity resolution. */
  readonly buyerRecordId?: string;
  readonly orderedAt: Date;
  readonly status: OrderStatus;
  readonly couponCode?: string;
  readonly lines: readonly OrderLineRecord[];
}

export interface EventRecord {
  readonly eventId: string;
  readonly personRecordId?: string;
  readonly anonymousId?: string;
  readonly type: string;
  readonly occurredAt: Date;
  readonly productId?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly utm?: { readonly source?: string; readonly medium?: string; readonly campaign?: string };
}

export type ConsentChannel = 'sms' | 'kakao' | 'email' | 'push';
export type ConsentPurpose = 'ad' | 'night_ad' | 'info';

export interface ConsentRecord {
  readonly consentId: string;
  readonly personRecordId: string;
  readonly channel: ConsentChannel;
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly at: Date;
  readonly source: string;
  readonly proof?: string;
}

export interface ProductRecord {
  readonly productId: string;
  readonly name: string;
  readonly category?: string;
  readonly price?: number;
}

export interface WarrantyRecord {
  readonly registrationId: string;
  readonly personRecordId: string;
  readonly productId?: string;
  readonly serial?: string;
  readonly channel?: string;
  readonly registeredAt: Date;
}

/** Everything one file (or one API call) contributes, after validation. */
export interface CanonicalBatch {
  readonly persons: readonly PersonRecord[];
  readonly orders: readonly OrderRecord[];
  readonly events: readonly EventRecord[];
  readonly consents: readonly ConsentRecord[];
  readonly products: readonly ProductRecord[];
  readonly warranties: readonly WarrantyRecord[];
}

/** A user-fixable problem in one input row; collected, never thrown. */
export interface RowIssue {
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly code:
    | 'MISSING'
    | 'BAD_DATE'
    | 'BAD_NUMBER'
    | 'BAD_PHONE'
    | 'BAD_EMAIL'
    | 'BAD_VALUE'
    | 'DUPLICATE'
    | 'BAD_ROW';
  /** The importer's own wording (English), with the offending value. */
  readonly message: string;
  /** The cell as the file has it, when the problem is with one cell. */
  readonly value?: string;
}
