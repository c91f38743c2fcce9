/** Every channel Dalbit can send through. Adapters are registered per kind in `main.ts`. */
export const CHANNEL_KINDS = ['email', 'sms', 'kakao_alimtalk', 'kakao_brand', 'push', 'onsite', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Why a message is sent: `ad` needs advertising consent and ad marks (정보통신망법 §50), `info` does not. */
export type MessagePurpose = 'ad' | 'info';

export function isChannelKind(value: string): value is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(value);
}
