import { ownValue } from '../json/own-value.ts';

const VARIABLE = /#\{([^{}]+)\}/g;

/** Names of the `#{name}` variables in an approved AlimTalk template, in order of first use. */
export function extractAlimtalkVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(VARIABLE)) seen.add((m[1] ?? '').trim());
  return [...seen];
}

/** Substitutes `#{name}` with `values[name]`; missing names stay as written. */
export function fillAlimtalkTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(VARIABLE, (whole, name: string) => ownValue(values, name.trim()) ?? whole);
}

/** Normalises variable keys: Solapi wants `#{name}`, NHN wants bare `name`. */
export function toBareVariableName(key: string): string {
  const m = /^#\{(.+)\}$/.exec(key.trim());
  return (m?.[1] ?? key).trim();
}
