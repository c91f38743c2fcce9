import { MESSAGES, type MessageKey, translate } from '../../i18n/catalog.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Reachability, RecencyBucket } from './audience-report.ts';

export type { Lang } from '../../i18n/lang.ts';

/** The report's headings, by name (texts in the catalog under `report.head.*`). */
export type ReportHeading =
  | 'audience'
  | 'share'
  | 'buyers'
  | 'revenue'
  | 'revenueShare'
  | 'aov'
  | 'frequency'
  | 'recency'
  | 'categories'
  | 'products'
  | 'channels'
  | 'reach'
  | 'visits'
  | 'trend'
  | 'insights';

export const reportHeading = (heading: ReportHeading, lang: Lang): string => translate(lang, `report.head.${heading}`);

export const recencyLabel = (bucket: RecencyBucket, lang: Lang): string => translate(lang, `report.recency.${bucket}`);

export const reachLabel = (channel: Reachability['channel'], lang: Lang): string =>
  translate(lang, `report.reachChannel.${channel}`);

/** A sales channel's name in the report ("cafe24" → "자사몰"); an unknown channel keeps its own name. */
export function channelLabel(channel: string, lang: Lang): string {
  const key = `report.channel.${channel}`;
  return Object.hasOwn(MESSAGES, key) ? translate(lang, key as MessageKey) : channel;
}
