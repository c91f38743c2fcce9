/**
 * Korean gateways want domestic digits (`01012345678`); the warehouse keys on E.164
 * (`+821012345678`). Returns undefined for anything that is not a Korean number.
 */
export function toDomesticDigits(phone: string): string | undefined {
  let d = phone.replace(/[^0-9+]/g, '');
  if (d.startsWith('+82')) d = `0${d.slice(3)}`;
  else if (d.startsWith('0082')) d = `0${d.slice(4)}`;
  else if (d.startsWith('82') && d.length >= 11) d = `0${d.slice(2)}`;
  return /^0\d{8,11}$/.test(d) ? d : undefined;
}

export function toKoreanE164(phone: string): string | undefined {
  const d = toDomesticDigits(phone);
  return d === undefined ? undefined : `+82${d.slice(1)}`;
}
