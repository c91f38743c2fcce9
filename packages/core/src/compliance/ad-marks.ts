import type { EmailMessage, OutboundMessage, SmsFallback } from '../channels/outbound-message.ts';
import type { CompliancePolicy } from './policy.ts';

/** Look-alikes of `(광고)` that carriers and KISA reject: `[광고]`, `(광 고)`, `<광고>`, full-width brackets. */
const MALFORMED_PREFIX = /^\s*[[(（<【]\s*광\s*고\s*[\])）>】]\s*/;

export function hasExactAdPrefix(text: string, prefix = '(광고)'): boolean {
  return text.startsWith(prefix);
}

/** Removes a look-alike prefix; text that already starts with the exact prefix is kept. */
function stripLookalike(text: string, prefix: string): string {
  return hasExactAdPrefix(text, prefix) ? text : text.replace(MALFORMED_PREFIX, '');
}

/** What ad marks need from settings; a missing one blocks the ad (SENDER_INFO_MISSING). */
export function findMissingSenderInfo(msg: OutboundMessage, policy: CompliancePolicy): string[] {
  const s = policy.sender;
  const missing: string[] = [];
  if (s.name.trim() === '') missing.push('sender.name');
  const needs080 =
    msg.channel === 'sms' || msg.channel === 'kakao_brand' || (msg.channel === 'kakao_alimtalk' && msg.fallback);
  if (needs080 && s.optOutNumber.trim() === '') missing.push('sender.optOutNumber');
  if (msg.channel === 'email' && !msg.unsubscribeUrl && !msg.unsubscribeMailto) missing.push('message.unsubscribeUrl');
  return missing;
}

/**
 * `(광고)` + sender name and contact at the start, `무료수신거부 080-…` at the end. Idempotent: text
 * that already carries the exact marks is left alone; look-alike prefixes are replaced.
 */
export function markAdText(text: string, policy: CompliancePolicy): string {
  const { prefix } = policy.marks;
  const optOut = policy.marks.optOutLine.replace('{number}', policy.sender.optOutNumber);
  let body = stripLookalike(text, prefix);
  if (!hasExactAdPrefix(body, prefix)) {
    const who = [policy.sender.name, policy.sender.contact].filter((p) => p.trim() !== '').join(' ');
    body = `${prefix}${who}\n${body}`;
  }
  if (!body.includes(optOut)) body = `${body.replace(/\s+$/, '')}\n${optOut}`;
  return body;
}

function markFallback(f: SmsFallback | undefined, policy: CompliancePolicy): SmsFallback | undefined {
  return f === undefined ? undefined : { ...f, text: markAdText(f.text, policy) };
}

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function markEmail(msg: EmailMessage, policy: CompliancePolicy): EmailMessage {
  const { prefix } = policy.marks;
  const s = policy.sender;
  const subjectBody = stripLookalike(msg.subject, prefix);
  const subject = hasExactAdPrefix(subjectBody, prefix) ? subjectBody : `${prefix} ${subjectBody}`;
  const link = msg.unsubscribeUrl ?? `mailto:${msg.unsubscribeMailto ?? ''}`;
  const who = [s.name, s.address, s.contact].filter((p) => p.trim() !== '').join(' | ');
  const footerText = `\n\n발신자: ${who}\n본 메일은 광고 수신에 동의하신 분께 발송되었습니다. 수신을 원하지 않으시면 수신거부를 눌러 주세요: ${link}\nTo unsubscribe: ${link}`;
  const footerHtml = `<hr><p style="font-size:12px;color:#666">발신자: ${escapeHtml(who)}<br>본 메일은 광고 수신에 동의하신 분께 발송되었습니다. 수신을 원하지 않으시면 <a href="${escapeHtml(link)}">수신거부</a>를 눌러 주세요.<br>To unsubscribe, <a href="${escapeHtml(link)}">click here</a>.</p>`;
  const already = msg.text.includes(link) && msg.text.includes('수신거부');
  return {
    ...msg,
    subject,
    text: already ? msg.text : `${msg.text}${footerText}`,
    ...(msg.html === undefined
      ? {}
      : { html: msg.html.includes(escapeHtml(link)) ? msg.html : `${msg.html}${footerHtml}` }),
  };
}

/** Adds the ad marks a channel needs. Informational messages are returned unchanged. */
export function applyAdMarks(msg: OutboundMessage, policy: CompliancePolicy): OutboundMessage {
  if (msg.purpose !== 'ad') return msg;
  switch (msg.channel) {
    case 'sms':
      return { ...msg, text: markAdText(msg.text, policy) };
    case 'kakao_brand': {
      const fallback = markFallback(msg.fallback, policy);
      const text = policy.marks.inlineKakaoBrand ? markAdText(msg.text, policy) : msg.text;
      return { ...msg, text, ...(fallback ? { fallback } : {}) };
    }
    case 'kakao_alimtalk':
      return msg; // never an ad: the guard blocks it first
    case 'email':
      return markEmail(msg, policy);
    case 'push': {
      const title = hasExactAdPrefix(msg.title, policy.marks.prefix)
        ? msg.title
        : `${policy.marks.prefix} ${stripLookalike(msg.title, policy.marks.prefix)}`;
      const hint = policy.marks.pushOptOutHint;
      return { ...msg, title, body: msg.body.includes(hint) ? msg.body : `${msg.body}\n${hint}` };
    }
    case 'onsite':
    case 'webhook':
      return msg;
  }
}
