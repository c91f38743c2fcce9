import type { ConsentChannel } from './consent-state.ts';

/** Where one cycle's notice stands: not yet planned, waiting in the outbox, sent, not delivered, or the consent lapsed. */
export type NoticeState = 'upcoming' | 'pending' | 'sent' | 'undelivered' | 'lapsed';
export const NOTICE_STATES = ['upcoming', 'pending', 'sent', 'undelivered', 'lapsed'] as const;

export interface ReconfirmationItem {
  readonly customerId: string;
  /** Masked (홍*동). */
  readonly name: string | null;
  /** Masked phone or email the notice goes to. */
  readonly contact: string | null;
  readonly channel: ConsentChannel;
  readonly consentedAt: string | null;
  readonly dueAt: string;
  readonly state: NoticeState;
  /** Why it did not go (`UNREACHABLE`, a gateway code), when known. */
  readonly reason: string | null;
}

/** `GET /api/consent/reconfirmations`: counts per state, refusals in words, and one page of the list. */
export interface ReconfirmationOverview {
  readonly asOf: string;
  readonly leadDays: number;
  readonly counts: Readonly<Record<NoticeState, number>>;
  /** Channels that cannot be told at all (sender settings missing), with the Korean/English text. */
  readonly refusals: readonly {
    readonly channel: ConsentChannel;
    readonly waiting: number;
    readonly message: string;
  }[];
  readonly items: readonly ReconfirmationItem[];
  /** Items in the chosen state before the page limit. */
  readonly total: number;
}
