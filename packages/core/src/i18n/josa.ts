/** Picks the Korean particle by the last syllable's final consonant (받침): 이/가, 을/를, 은/는. */
export function josa(word: string, withFinal: string, withoutFinal: string): string {
  const last =
    word
      .replace(/\([^)]*\)$/, '')
      .trim()
      .at(-1) ?? '';
  const code = last.charCodeAt(0) - 0xac00;
  const hasFinal = code >= 0 && code <= 11_171 ? code % 28 !== 0 : /[0-9lmnr]$/i.test(last) && !/[2459]$/.test(last);
  return `${word}${hasFinal ? withFinal : withoutFinal}`;
}
