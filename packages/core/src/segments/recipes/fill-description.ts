/**
 * A recipe description with its `{STORE}`, `{RATE}` … placeholders filled from the parameters
 * (`{RATE}` as a percentage); a placeholder without a value becomes `missing`.
 * @example fillDescription('평균 할인율이 {RATE} 이상', { rate: 0.2 }) // '평균 할인율이 20% 이상'
 */
export function fillDescription(text: string, params: Readonly<Record<string, unknown>>, missing = '…'): string {
  return text.replace(/\{([A-Z_]+)\}/g, (_whole, name: string) => {
    const v = params[name.toLowerCase()];
    if (v === undefined || v === null || v === '') return missing;
    if (name === 'RATE' && typeof v === 'number') return `${Math.round(v * 1000) / 10}%`;
    return Array.isArray(v) ? v.join(', ') : String(v);
  });
}
