import { resolveColumns } from './resolve-columns.ts';
import { headerKey, SOURCE_SPECS, type SourceSpec } from './source-specs.ts';

export interface SourceGuess {
  readonly spec: SourceSpec;
  readonly score: number;
}

/**
 * Below this score gap the runner-up is named to the user (a signature header weighs 10, one
 * matched field 1): the file fits both kinds about as well, so a person should confirm.
 */
export const CLOSE_SCORE_GAP = 5;

/**
 * Ranks the source kinds for a header row by every alias it sees: a kind qualifies when its
 * required fields are found (or stand in by their fallback, at a cost of one point each);
 * signature headers weigh most, then matched fields, minus headers the kind would leave unused
 * (a catalogue reader "fits" an order file, but ignores most of it).
 */
export function detectSource(headers: readonly string[]): SourceGuess[] {
  const present = new Set(headers.map(headerKey));
  const out: SourceGuess[] = [];
  for (const spec of SOURCE_SPECS) {
    const r = resolveColumns(spec, headers);
    if (r.missingRequired.length > 0 || r.choices.length < 2) continue;
    const signature = spec.signature.filter((h) => present.has(headerKey(h))).length;
    const coverage = r.choices.length / Object.keys(spec.fields).length;
    const score = signature * 10 + r.choices.length + coverage - r.unusedHeaders.length * 0.5 - r.fallbacks.length;
    out.push({ spec, score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The second-best kind when it scores within `CLOSE_SCORE_GAP` of the best (ask the user). */
export function closeRunnerUp<T extends { readonly score: number }>(ranked: readonly T[]): T | undefined {
  const [best, second] = ranked;
  return best !== undefined && second !== undefined && best.score - second.score < CLOSE_SCORE_GAP ? second : undefined;
}

/** Every alias of every source, for finding the header row under instruction rows. */
export const ALL_ALIAS_KEYS: ReadonlySet<string> = new Set(
  SOURCE_SPECS.flatMap((s) => Object.values(s.fields).flatMap((f) => f.aliases.map(headerKey))),
);
