/**
 * Masking of personal data for views that do not need it (개인정보 안전성 확보조치: 마스킹).
 * @example maskPhone('+821012345678') // '010-****-5678'
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  const local = digits.startsWith('82') ? `0${digits.slice(2)}` : digits;
  if (local.length < 8) return '*'.repeat(local.length);
  const head = local.startsWith('02') ? local.slice(0, 2) : local.slice(0, 3);
  return `${head}-****-${local.slice(-4)}`;
}

/** @example maskEmail('hong.gildong@example.com') // 'hon***@example.com' */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(3, Math.ceil(local.length / 2)))}***${email.slice(at)}`;
}

/** Keeps the first and (for 3+ characters) the last character: 홍길동 → 홍*동, 남궁민수 → 남**수, 이산 → 이*. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Member ids and other free-form keys: the first three characters, like marketplaces show buyer ids. */
export function maskKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const colon = value.indexOf(':');
  const [ns, id] = colon > 0 ? [value.slice(0, colon + 1), value.slice(colon + 1)] : ['', value];
  return `${ns}${id.slice(0, Math.min(3, Math.ceil(id.length / 2)))}***`;
}

/** Masks one identity value by its kind. */
export function maskIdentity(kind: string, value: string): string | null {
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'email') return maskEmail(value);
  return maskKey(value);
}
