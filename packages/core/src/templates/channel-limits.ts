import type { SmsEncoding } from './euc-kr.ts';

/** Length limits per channel (KOREA.md defaults); every one can be overridden. */
export interface ChannelLimits {
  readonly smsBytes: number;
  readonly lmsBytes: number;
  readonly lmsTitleBytes: number;
  readonly alimtalkChars: number;
  /** Brand message text limit; dealers disagree between 1,000 and 1,300. */
  readonly brandChars: number;
  readonly emailSubjectChars: number;
  readonly pushTitleChars: number;
  readonly pushBodyChars: number;
  readonly encoding: SmsEncoding;
}

export const DEFAULT_CHANNEL_LIMITS: ChannelLimits = {
  smsBytes: 90,
  lmsBytes: 2000,
  lmsTitleBytes: 40,
  alimtalkChars: 1000,
  brandChars: 1000,
  emailSubjectChars: 200,
  pushTitleChars: 65,
  pushBodyChars: 240,
  encoding: 'cp949',
};
