import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phone numbers in one place. The warehouse keys on E.164 (`+821012345678`); Korean gateways want
 * domestic digits (`01012345678`); people read the national form (`010-1234-5678`). Parsing of
 * imported cells (masked, virtual, landline) is `ingest/normalise/phone.ts`, on libphonenumber-js too.
 */

/** Domestic digits of a Korean number (`+82 10-1234-5678` → `01012345678`); undefined when not Korean. */
export function toDomesticDigits(phone: string): string | undefined {
  let d = phone.replace(/[^0-9+]/g, '');
  if (d.startsWith('+82')) d = `0${d.slice(3)}`;
  else if (d.startsWith('0082')) d = `0${d.slice(4)}`;
  else if (d.startsWith('82') && d.length >= 11) d = `0${d.slice(2)}`;
  return /^0\d{8,11}$/.test(d) ? d : undefined;
}

/** E.164 of a Korean number written any usual way; undefined when not Korean. */
export function toKoreanE164(phone: string): string | undefined {
  const d = toDomesticDigits(phone);
  return d === undefined ? undefined : `+82${d.slice(1)}`;
}

/**
 * What Korean staff read and type: `+821012345678` → `010-1234-5678`, `+82212345678` →
 * `02-1234-5678`, a foreign number in its own national form. Text that is not a valid number is
 * returned as its digits.
 */
export function formatPhone(e164: string): string {
  const domestic = toDomesticDigits(e164);
  const parsed = domestic === undefined ? parsePhoneNumberFromString(e164) : parsePhoneNumberFromString(domestic, 'KR');
  if (parsed?.isValid()) return parsed.formatNational();
  return domestic ?? e164.replace(/[^0-9]/g, '');
}
