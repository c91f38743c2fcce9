import { zodKorean } from '../i18n/zod-korean.ts';
import { CampaignDefinition } from './schema.ts';

/** A user-fixable problem in a campaign file, collected (all of them), never thrown. */
export interface CampaignIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseCampaignResult =
  | { readonly ok: true; readonly campaign: CampaignDefinition }
  | { readonly ok: false; readonly issues: readonly CampaignIssue[] };

/**
 * Validates untrusted JSON (file, HTTP body, a stored row) into a campaign.
 * @example const r = parseCampaign(JSON.parse(text)); if (!r.ok) r.issues.forEach((i) => console.log(`${i.path}: ${i.message}`));
 */
export function parseCampaign(input: unknown): ParseCampaignResult {
  const r = CampaignDefinition.safeParse(input, { error: zodKorean });
  if (r.success) return { ok: true, campaign: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
  };
}
