/**
 * What `POST /api/campaigns/check` answers (server: check-campaign-draft.ts; dashboard: the
 * composer). Wire types only, shared so the two sides cannot drift.
 */

/** One problem of a draft, its path relative to the campaign (`templates.0.text`), Korean first. */
export interface DraftIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code: string;
}

/** One channel of the live preview as the composer shows it. */
export interface PreviewChannel {
  readonly channel: string;
  /** send = would go now; defer = later (night, quiet hours); block = not at all; problem = cannot be built. */
  readonly outcome: 'send' | 'defer' | 'block' | 'problem';
  readonly reason: string | null;
  readonly reasonLabel: string | null;
  readonly until: string | null;
  /** The message as it would leave (after `(광고)`, sender and opt-out line for ads). */
  readonly subject: string | null;
  readonly text: string;
  /** SMS/LMS in bytes, others in characters, against the channel's limit. */
  readonly length: { readonly value: number; readonly limit: number; readonly unit: 'bytes' | 'chars' } | null;
  readonly notes: readonly string[];
  readonly issues: readonly string[];
}

export interface DraftCheck {
  /** True when the draft can be saved (no issue). */
  readonly ok: boolean;
  readonly issues: readonly DraftIssue[];
  /** What stops a launch (sender settings of an ad); the draft can still be saved. */
  readonly launchBlockers: readonly DraftIssue[];
  readonly preview: {
    readonly customerId: string;
    readonly arm: string;
    readonly couponIssued: boolean;
    readonly channels: readonly PreviewChannel[];
    /** Follow-up message steps (their own text), rendered for the same customer. */
    readonly steps: readonly { readonly stepId: string; readonly channels: readonly PreviewChannel[] }[];
  } | null;
}
