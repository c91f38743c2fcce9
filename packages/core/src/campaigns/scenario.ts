import type { BranchCondition, Step } from './schema.ts';

/** Where one customer is in a scenario for one occurrence. Stored append-only per transition. */
export interface JourneyState {
  readonly customerId: string;
  readonly occurrence: string;
  readonly enteredAt: Date;
  /** The step the customer is at; undefined once the journey is over. */
  readonly stepId: string | undefined;
  /** When the customer reached the current step (a wait counts from here). */
  readonly since: Date;
}

/** Facts the branch conditions read, limited to (enteredAt, at]. */
export interface JourneyFacts {
  purchasedBetween(customerId: string, from: Date, to: Date): boolean;
  eventBetween(customerId: string, type: string, from: Date, to: Date): boolean;
}

export interface JourneyStep {
  readonly state: JourneyState;
  /** Message steps reached, each due at the moment the customer reached it. */
  readonly messages: readonly { readonly stepId: string; readonly plannedAt: Date }[];
  readonly changed: boolean;
}

function evaluate(cond: BranchCondition, s: JourneyState, at: Date, facts: JourneyFacts): boolean {
  switch (cond.kind) {
    case 'purchased':
      return facts.purchasedBetween(s.customerId, s.enteredAt, at);
    case 'event':
      return facts.eventBetween(s.customerId, cond.type, s.enteredAt, at);
  }
}

/** A fresh journey at the first step. */
export function startJourney(input: {
  steps: readonly Step[];
  customerId: string;
  occurrence: string;
  enteredAt: Date;
}): JourneyState {
  return {
    customerId: input.customerId,
    occurrence: input.occurrence,
    enteredAt: input.enteredAt,
    stepId: input.steps[0]?.id,
    since: input.enteredAt,
  };
}

/**
 * Moves a journey forward as far as `now` allows: waits that are over, branches (evaluated at the
 * moment they are reached), messages (emitted), exit. Pure, so a replay gives the same path.
 * @example advanceJourney({ steps, state: startJourney({ steps, customerId, occurrence, enteredAt }), now, facts })
 */
export function advanceJourney(input: {
  steps: readonly Step[];
  state: JourneyState;
  now: Date;
  facts: JourneyFacts;
}): JourneyStep {
  const { steps, now, facts } = input;
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const next = (id: string): string | undefined => steps[(index.get(id) ?? steps.length) + 1]?.id;
  let s = input.state;
  const messages: { stepId: string; plannedAt: Date }[] = [];
  let changed = false;
  for (let guard = 0; guard < steps.length * 4 + 4 && s.stepId !== undefined; guard++) {
    const step = steps[index.get(s.stepId) ?? -1];
    if (!step) {
      s = { ...s, stepId: undefined };
      changed = true;
      break;
    }
    if (step.kind === 'wait') {
      const end = new Date(s.since.getTime() + step.hours * 3600_000);
      if (end.getTime() > now.getTime()) break;
      s = { ...s, stepId: next(step.id), since: end };
    } else if (step.kind === 'branch') {
      s = { ...s, stepId: evaluate(step.if, s, s.since, facts) ? step.whenTrue : step.whenFalse };
    } else if (step.kind === 'message') {
      if (s.since.getTime() > now.getTime()) break;
      messages.push({ stepId: step.id, plannedAt: s.since });
      s = { ...s, stepId: next(step.id) };
    } else s = { ...s, stepId: undefined };
    changed = true;
  }
  return { state: s, messages, changed };
}
