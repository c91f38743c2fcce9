import type { ChannelKind } from '../channels/channel-kind.ts';
import { type ArmWeight, assignArm } from '../experiments/assign-arm.ts';
import type { CouponSpec } from './coupon-spec.ts';
import type { MessageTemplate } from './message-template.ts';
import type { CampaignDefinition, SendTime } from './schema.ts';

/** The arm that receives nothing; its members still get an exposure row (planned time, no key). */
export const HOLDOUT_ARM = 'holdout';
/** The single arm of a campaign without variants. */
export const MAIN_ARM = 'main';

/** Holdout first, then variants scaled to the remaining share (order fixed for the campaign's life). */
export function campaignArms(c: CampaignDefinition): ArmWeight[] {
  const holdout = c.experiment.holdoutPercent / 100;
  const arms: ArmWeight[] = holdout > 0 ? [{ name: HOLDOUT_ARM, weight: holdout }] : [];
  const variants = c.experiment.variants;
  if (variants.length === 0) return [...arms, { name: MAIN_ARM, weight: 1 - holdout }];
  const total = variants.reduce((s, v) => s + v.weight, 0);
  return [...arms, ...variants.map((v) => ({ name: v.name, weight: ((1 - holdout) * v.weight) / total }))];
}

/** Deterministic arm: salt = campaign id, so re-runs and segment refreshes never move anyone. */
export function armFor(c: CampaignDefinition, customerId: string): string {
  return assignArm({ salt: c.id, customerId, arms: campaignArms(c) });
}

/** What a treatment arm sends: the base campaign with the variant's overrides. */
export interface ArmPlan {
  readonly arm: string;
  readonly channel: ChannelKind;
  readonly templates: readonly MessageTemplate[];
  readonly sendTime: SendTime;
  readonly coupon: CouponSpec | undefined;
}

export function planForArm(c: CampaignDefinition, arm: string): ArmPlan {
  const v = c.experiment.variants.find((x) => x.name === arm);
  return {
    arm,
    channel: v?.channel ?? c.channel,
    templates: v?.templates ?? c.templates,
    sendTime: v?.sendTime ?? c.sendTime,
    coupon: v?.coupon === null ? undefined : (v?.coupon ?? c.coupon),
  };
}
