import { REASON_TEXT } from '@dalbit/core/compliance/reason-code';
import { CAMPAIGN_REASON_TEXT } from './decision.ts';

const PAUSE_TEXT = {
  CAMPAIGN_PAUSED: { ko: '캠페인 일시정지로 취소', en: 'cancelled: campaign paused' },
  CAMPAIGN_STOPPED: { ko: '캠페인 종료로 취소', en: 'cancelled: campaign stopped' },
} as const;

/** The reader's text of a block/defer/cancel reason code (guard, campaign and lifecycle reasons). */
export function reasonText(code: string, lang: 'ko' | 'en'): string | undefined {
  const all = { ...REASON_TEXT, ...CAMPAIGN_REASON_TEXT, ...PAUSE_TEXT } as Record<string, { ko: string; en: string }>;
  return Object.hasOwn(all, code) ? all[code]?.[lang] : undefined;
}
