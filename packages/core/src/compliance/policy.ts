import { z } from 'zod';
import { CHANNEL_KINDS, type ChannelKind } from '../channels/channel-kind.ts';
import { translate } from '../i18n/catalog.ts';
import type { HolidayBlock } from './holidays.ts';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, translate('ko', 'studio.check.clock'));
/** A real calendar day (2026-12-32 is refused, not rolled over). */
const isRealDay = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const DateKey = z.string().refine(isRealDay, translate('ko', 'studio.check.day'));
const Channel = z.enum(CHANNEL_KINDS);
const Window = z.object({ start: Clock, end: Clock });
/** A free 080 opt-out number (KOREA.md `무료수신거부 080-XXX-XXXX`), hyphens optional; empty = not set yet. */
const OptOutNumber = z.string().refine((s) => s.trim() === '' || /^080-?\d{3,4}-?\d{4}$/.test(s.trim()), {
  message: translate('ko', 'studio.check.optOutNumber'),
  params: { reason: 'OPT_OUT_NUMBER_INVALID' },
});

/** Every rule of the guard, with the KOREA.md values as defaults. Parsed from config with zod. */
export const CompliancePolicySchema = z.object({
  /** Who sends: printed after `(광고)` and in email footers. */
  sender: z
    .object({
      name: z.string().default(''),
      contact: z.string().default(''),
      address: z.string().default(''),
      /** Free opt-out number for SMS/Kakao ads, e.g. `080-123-4567` (empty until set: ads are blocked). */
      optOutNumber: OptOutNumber.default(''),
    })
    .default({ name: '', contact: '', address: '', optOutNumber: '' }),
  marks: z
    .object({
      prefix: z.string().default('(광고)'),
      optOutLine: z.string().default('무료수신거부 {number}'),
      pushOptOutHint: z.string().default('수신거부: 앱 설정 > 알림'),
      /** Put `(광고)`, sender and opt-out line into brand-message text too (KOREA.md); off if the gateway adds them. */
      inlineKakaoBrand: z.boolean().default(true),
    })
    .default({
      prefix: '(광고)',
      optOutLine: '무료수신거부 {number}',
      pushOptOutHint: '수신거부: 앱 설정 > 알림',
      inlineKakaoBrand: true,
    }),
  /** Legal night window (§50): ads need a separate night consent; email is exempt by law. */
  legalNight: z
    .object({
      window: Window.default({ start: '21:00', end: '08:00' }),
      exempt: z.array(Channel).default(['email', 'onsite', 'webhook']),
    })
    .default({ window: { start: '21:00', end: '08:00' }, exempt: ['email', 'onsite', 'webhook'] }),
  /** House rule: no ads in this window at all (deferred). Email included by default; remove it to follow the law only. */
  quietHours: z
    .object({
      window: Window.nullable().default({ start: '20:50', end: '08:00' }),
      channels: z.array(Channel).default(['email', 'sms', 'kakao_brand', 'push']),
      /** Also defer informational messages (off: order/shipping notices go at any time). */
      includeInfo: z.boolean().default(false),
    })
    .default({
      window: { start: '20:50', end: '08:00' },
      channels: ['email', 'sms', 'kakao_brand', 'push'],
      includeInfo: false,
    }),
  /** Provider rules that no consent lifts (Kakao blocks brand/friend ads ~20:50–08:00). */
  providerWindows: z
    .array(z.object({ channel: Channel, window: Window }))
    .default([{ channel: 'kakao_brand', window: { start: '20:50', end: '08:00' } }]),
  holidays: z
    .object({
      /** Avoid ads on 설날/추석 (three days each, from the lunar calendar). */
      avoidLunarHolidays: z.boolean().default(true),
      extraBlocks: z.array(z.object({ name: z.string(), from: DateKey, to: DateKey })).default([]),
      action: z.enum(['defer', 'block']).default('defer'),
      /** KST time sends resume on the first day after a block. */
      resumeAt: Clock.default('08:00'),
    })
    .default({ avoidLunarHolidays: true, extraBlocks: [], action: 'defer', resumeAt: '08:00' }),
  caps: z
    .object({
      adsPerDay: z.number().int().min(0).nullable().default(1),
      adsPerWeek: z.number().int().min(0).nullable().default(3),
      /** Days in the cap week: the last N KST calendar days including today. */
      weekDays: z.number().int().min(1).default(7),
      perChannelPerDay: z.partialRecord(Channel, z.number().int().min(0)).default({ kakao_brand: 1 }),
      action: z.enum(['block', 'defer']).default('block'),
    })
    .default({ adsPerDay: 1, adsPerWeek: 3, weekDays: 7, perChannelPerDay: { kakao_brand: 1 }, action: 'block' }),
  transactionException: z
    .object({
      enabled: z.boolean().default(true),
      months: z.number().int().min(0).default(6),
      /** Marketplace buyers gave their contact to the marketplace, not the brand. */
      includeMarketplaceBuyers: z.boolean().default(false),
      /** Require the ad's goods category to match a purchased one ("same kind of goods"). */
      requireSameCategory: z.boolean().default(true),
    })
    .default({ enabled: true, months: 6, includeMarketplaceBuyers: false, requireSameCategory: true }),
  /** Consent sources that count as the marketplace's, not the brand's. */
  marketplaceSources: z.array(z.string()).default(['smartstore', 'coupang', 'musinsa', '29cm', 'marketplace']),
  reconfirmation: z
    .object({ intervalYears: z.number().int().min(1).default(2), leadDays: z.number().int().min(0).default(14) })
    .default({ intervalYears: 2, leadDays: 14 }),
  /** Upgrade an SMS to LMS when ad marks push it past 90 bytes (instead of blocking). */
  autoUpgradeSmsToLms: z.boolean().default(true),
});

export type CompliancePolicy = z.infer<typeof CompliancePolicySchema>;
export type CompliancePolicyInput = z.input<typeof CompliancePolicySchema>;

/** KOREA.md defaults. Sender fields are empty: ads are blocked until the brand fills them in. */
export const DEFAULT_COMPLIANCE_POLICY: CompliancePolicy = CompliancePolicySchema.parse({});

/** Validates config (JSON, CLI, HTTP) into a policy; errors carry paths like `caps.adsPerDay`. */
export function parseCompliancePolicy(input: unknown): ReturnType<typeof CompliancePolicySchema.safeParse> {
  return CompliancePolicySchema.safeParse(input ?? {});
}

export function isQuietChannel(policy: CompliancePolicy, channel: ChannelKind): boolean {
  return policy.quietHours.channels.includes(channel);
}

export type { HolidayBlock };
