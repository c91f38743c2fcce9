/** NHN Cloud credentials (KakaoTalk Bizmessage and SMS are separate products with separate keys). */
export interface NhnConfig {
  readonly alimtalkAppKey?: string;
  readonly alimtalkSecretKey?: string;
  readonly smsAppKey?: string;
  readonly smsSecretKey?: string;
  /** Default `https://api-alimtalk.cloud.toast.com`. */
  readonly alimtalkBaseUrl?: string;
  /** Default `https://sms.api.nhncloudservice.com`. */
  readonly smsBaseUrl?: string;
  readonly timeoutMs?: number;
  readonly clock?: () => Date;
}

export const NHN_MAX_RECIPIENTS = 1000;
