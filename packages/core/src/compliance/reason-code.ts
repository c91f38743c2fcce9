import { bilingual } from '../i18n/catalog.ts';

/**
 * Stable codes for why a send was blocked or deferred. Stored with the message; never renamed.
 */
export const GUARD_REASONS = [
  'NO_CONSENT',
  'NO_NIGHT_CONSENT',
  'QUIET_HOURS',
  'CAPPED',
  'MARKETPLACE_ONLY',
  'UNREACHABLE',
  'OPTED_OUT',
  'HOLIDAY_BLOCK',
  'AD_NOT_ALLOWED_ON_CHANNEL',
  'SENDER_INFO_MISSING',
  'CONTENT_INVALID',
] as const;
export type GuardReason = (typeof GUARD_REASONS)[number];

/** Facts recorded with a send that went through, for audits. */
export type GuardNote = 'AD_MARKS_ADDED' | 'TRANSACTION_EXCEPTION' | 'FALLBACK_DROPPED_NO_CONSENT' | 'UPGRADED_TO_LMS';

/** The reader's text of each guard reason, from the catalog (`reason.<CODE>`). */
export const REASON_TEXT = Object.fromEntries(GUARD_REASONS.map((r) => [r, bilingual(`reason.${r}`)])) as Readonly<
  Record<GuardReason, { readonly ko: string; readonly en: string }>
>;
