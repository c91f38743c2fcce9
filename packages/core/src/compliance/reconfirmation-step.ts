/** `step_id` of re-confirmation notices in `messages` (they belong to no campaign). */
export const RECONFIRMATION_STEP = 'reconfirmation';
