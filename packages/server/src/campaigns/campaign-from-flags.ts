import type { CampaignInput } from '@dalbit/core/campaigns/schema';

/** The convenience flags of `dalbit campaign create` (the common cases without a JSON file). */
export interface CampaignFlags {
  id?: string;
  name?: string;
  purpose?: string;
  channel?: string;
  text?: string;
  subject?: string;
  smsFrom?: string;
  kakaoSenderKey?: string;
  fallbackSms?: boolean;
  segment?: string;
  recipe?: string;
  at?: string;
  daily?: string;
  birthdayDaysBefore?: string;
  signupDaysAfter?: string;
  cartHours?: string;
  holdout?: string;
  priority?: string;
  coupon?: string;
  couponDays?: string;
  couponBudget?: string;
}

/**
 * Flags → campaign JSON (validated afterwards by the same schema as files).
 * `--coupon 5000` is an amount, `--coupon 10%` a percentage.
 */
export function campaignFromFlags(f: CampaignFlags): CampaignInput | { error: string } {
  const channel = f.channel ?? 'sms';
  let trigger: CampaignInput['trigger'];
  if (f.at) trigger = { kind: 'broadcast', at: f.at };
  else if (f.daily) trigger = { kind: 'recurring', every: 'day', time: f.daily };
  else if (f.birthdayDaysBefore)
    trigger = { kind: 'date_relative', anchor: 'birthday', offsetDays: -Number(f.birthdayDaysBefore) };
  else if (f.signupDaysAfter)
    trigger = { kind: 'date_relative', anchor: 'signup', offsetDays: Number(f.signupDaysAfter) };
  else if (f.cartHours)
    trigger = {
      kind: 'event',
      event: { type: 'add_to_cart' },
      delayHours: Number(f.cartHours),
      exitIf: [{ kind: 'order' }],
    };
  else
    return {
      error:
        'give a trigger: --at ISO | --daily HH:MM | --birthday-days-before N | --signup-days-after N | --cart-hours H',
    };
  const text = f.text ?? '';
  const template =
    channel === 'email'
      ? { channel, subject: f.subject ?? f.name ?? '', text }
      : channel === 'push' || channel === 'onsite'
        ? { channel, title: f.subject ?? f.name ?? '', body: text }
        : channel === 'kakao_alimtalk'
          ? { channel, templateCode: f.subject ?? '', variables: { name: '{{ name }}' } }
          : { channel, text };
  const templates: unknown[] = [template];
  if (f.fallbackSms && channel !== 'sms') templates.push({ channel: 'sms', text });
  const coupon = f.coupon
    ? {
        kind: f.coupon.endsWith('%') ? 'percent' : 'amount',
        value: Number(f.coupon.replace('%', '').replaceAll(',', '')),
        validDays: Number(f.couponDays ?? 7),
        ...(f.couponBudget ? { budget: Number(f.couponBudget) } : {}),
      }
    : undefined;
  return {
    id: f.id ?? '',
    name: f.name ?? f.id ?? '',
    purpose: (f.purpose ?? 'ad') as 'ad' | 'info',
    priority: f.priority ? Number(f.priority) : 0,
    audience: f.segment
      ? { kind: 'segment', segmentId: f.segment }
      : f.recipe
        ? { kind: 'recipe', recipe: f.recipe, params: {} }
        : { kind: 'all' },
    trigger,
    channel: channel as CampaignInput['channel'],
    fallbackToSms: f.fallbackSms === true,
    templates: templates as CampaignInput['templates'],
    sender: {
      ...(f.smsFrom ? { smsFrom: f.smsFrom } : {}),
      ...(f.kakaoSenderKey ? { kakaoSenderKey: f.kakaoSenderKey } : {}),
    },
    ...(coupon ? { coupon: coupon as CampaignInput['coupon'] } : {}),
    ...(f.holdout ? { experiment: { holdoutPercent: Number(f.holdout), variants: [] } } : {}),
  };
}
