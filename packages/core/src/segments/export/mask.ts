import { toDomesticDigits } from '../../phone/phone.ts';

/**
 * Masking for exports and screens (개인정보 안전성 확보조치): `010-****-5678`, `hong***@naver.com`,
 * `홍*동`. Applied unless a user asks for unmasked data with a reason (then access-logged).
 */
export function maskPhone(e164: string): string {
  const d = toDomesticDigits(e164) ?? e164.replace(/[^0-9]/g, '');
  if (d.length < 8) return '*'.repeat(d.length);
  return `${d.slice(0, 3)}-****-${d.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  const keep = local.length <= 2 ? 1 : Math.min(4, local.length - 2);
  return `${local.slice(0, keep)}***${email.slice(at)}`;
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
