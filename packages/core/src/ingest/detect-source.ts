import { resolveColumns } from './resolve-columns.ts';
import { headerKey, SOURCE_SPECS, type SourceSpec } from './source-specs.ts';

export interface SourceGuess {
  readonly spec: SourceSpec;
  readonly score: number;
}

/**
 * Ranks the source kinds for a header row: a kind qualifies when all its required fields are
 * found; signature headers weigh most, then matched fields, minus headers the kind would leave
 * unused (a catalogue reader "fits" an order file, but ignores most of it).
 */
export function detectSource(headers: readonly string[]): SourceGuess[] {
  const present = new Set(headers.map(headerKey));
  const out: SourceGuess[] = [];
  for (const spec of SOURCE_SPECS) {
    const r = resolveColumns(spec, headers);
    if (r.missingRequired.length > 0 || r.choices.length < 2) continue;
    const signature = spec.signature.filter((h) => present.has(headerKey(h))).length;
    const coverage = r.choices.length / Object.keys(spec.fields).length;
    out.push({ spec, score: signature * 10 + r.choices.length + coverage - r.unusedHeaders.length * 0.5 });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Every alias of every source, for finding the header row under instruction rows. */
export const ALL_ALIAS_KEYS: ReadonlySet<string> = new Set(
  SOURCE_SPECS.flatMap((s) => Object.values(s.fields).flatMap((f) => f.aliases.map(headerKey))),
);
