import type { OutboundMessage, SmsFallback, SmsKind } from '../channels/outbound-message.ts';
import { extractAlimtalkVariables, fillAlimtalkTemplate } from './alimtalk-variables.ts';
import { type ChannelLimits, DEFAULT_CHANNEL_LIMITS } from './channel-limits.ts';
import { measureEucKr } from './euc-kr.ts';
import type { TemplateIssue } from './template-issue.ts';

/** Approved AlimTalk templates by code, as registered with Kakao (text with `#{var}`). */
export type AlimtalkTemplates = Readonly<Record<string, string>>;

/**
 * Checks a rendered message against its channel's limits. All issues are returned; an empty list
 * means the provider should accept it.
 *
 * @example
 * validateMessage({ channel: 'sms', purpose: 'info', kind: 'SMS', to: '01012345678', from: '0212345678', text: '안녕하세요' })
 * // → []
 */
export function validateMessage(
  msg: OutboundMessage,
  opts: { limits?: ChannelLimits; alimtalkTemplates?: AlimtalkTemplates } = {},
): TemplateIssue[] {
  const limits = opts.limits ?? DEFAULT_CHANNEL_LIMITS;
  switch (msg.channel) {
    case 'sms':
      return validateSmsText({ kind: msg.kind, text: msg.text, subject: msg.subject, limits, path: '' });
    case 'kakao_alimtalk': {
      const template = opts.alimtalkTemplates?.[msg.templateCode];
      const issues = template === undefined ? [] : validateAlimtalk({ template, variables: msg.variables, limits });
      if (template === undefined)
        issues.push({
          code: 'ALIMTALK_MISMATCH',
          path: 'templateCode',
          message: `unknown template ${msg.templateCode}`,
        });
      return [...issues, ...validateFallback(msg.fallback, limits)];
    }
    case 'kakao_brand': {
      const issues = charLimit(msg.text, limits.brandChars, 'BRAND_TOO_LONG', 'text');
      return [...issues, ...validateFallback(msg.fallback, limits)];
    }
    case 'email':
      return [
        ...charLimit(msg.subject, limits.emailSubjectChars, 'SUBJECT_TOO_LONG', 'subject'),
        ...(msg.text.trim() === '' && (msg.html ?? '').trim() === ''
          ? [{ code: 'EMPTY' as const, path: 'text', message: 'email has no body' }]
          : []),
      ];
    case 'push':
      return [
        ...charLimit(msg.title, limits.pushTitleChars, 'PUSH_TOO_LONG', 'title'),
        ...charLimit(msg.body, limits.pushBodyChars, 'PUSH_TOO_LONG', 'body'),
      ];
    case 'onsite':
    case 'webhook':
      return [];
  }
}

function validateFallback(fallback: SmsFallback | undefined, limits: ChannelLimits): TemplateIssue[] {
  if (fallback === undefined) return [];
  return validateSmsText({ ...fallback, limits, path: 'fallback.' });
}

/** SMS ≤ 90 bytes, LMS ≤ 2,000 bytes with a ≤ 40-byte title, every character in EUC-KR/CP949. */
export function validateSmsText(input: {
  kind: SmsKind;
  text: string;
  subject?: string | undefined;
  limits?: ChannelLimits;
  path?: string;
}): TemplateIssue[] {
  const limits = input.limits ?? DEFAULT_CHANNEL_LIMITS;
  const prefix = input.path ?? '';
  const issues: TemplateIssue[] = [];
  const body = measureEucKr(input.text, limits.encoding);
  if (input.text.length === 0) issues.push({ code: 'EMPTY', path: `${prefix}text`, message: 'empty message' });
  const max = input.kind === 'SMS' ? limits.smsBytes : limits.lmsBytes;
  if (body.bytes > max)
    issues.push({
      code: input.kind === 'SMS' ? 'SMS_TOO_LONG' : 'LMS_TOO_LONG',
      path: `${prefix}text`,
      message: `${input.kind} text is ${body.bytes} bytes (EUC-KR), limit ${max}`,
      limit: max,
      actual: body.bytes,
    });
  for (const u of body.unencodable)
    issues.push({
      code: 'NON_EUC_KR_CHAR',
      path: `${prefix}text`,
      message: `character ${JSON.stringify(u.char)} at ${u.index} cannot be sent by SMS`,
      index: u.index,
    });
  if (input.subject !== undefined) {
    const title = measureEucKr(input.subject, limits.encoding);
    if (title.bytes > limits.lmsTitleBytes)
      issues.push({
        code: 'TITLE_TOO_LONG',
        path: `${prefix}subject`,
        message: `title is ${title.bytes} bytes, limit ${limits.lmsTitleBytes}`,
        limit: limits.lmsTitleBytes,
        actual: title.bytes,
      });
    for (const u of title.unencodable)
      issues.push({
        code: 'NON_EUC_KR_CHAR',
        path: `${prefix}subject`,
        message: `character ${JSON.stringify(u.char)} at ${u.index} cannot be sent by SMS`,
        index: u.index,
      });
  }
  return issues;
}

/**
 * AlimTalk: the variables must be exactly the approved template's `#{…}` names, and the text after
 * substitution at most `alimtalkChars` characters.
 */
export function validateAlimtalk(input: {
  template: string;
  variables: Readonly<Record<string, string>>;
  limits?: ChannelLimits;
}): TemplateIssue[] {
  const limits = input.limits ?? DEFAULT_CHANNEL_LIMITS;
  const expected = extractAlimtalkVariables(input.template);
  const given = Object.keys(input.variables);
  const issues: TemplateIssue[] = [];
  for (const name of expected)
    if (!given.includes(name))
      issues.push({ code: 'ALIMTALK_VARIABLE_MISSING', path: `variables.${name}`, message: `#{${name}} has no value` });
  for (const name of given)
    if (!expected.includes(name))
      issues.push({
        code: 'ALIMTALK_VARIABLE_UNKNOWN',
        path: `variables.${name}`,
        message: `#{${name}} is not in the approved template`,
      });
  const filled = fillAlimtalkTemplate(input.template, input.variables);
  issues.push(...charLimit(filled, limits.alimtalkChars, 'ALIMTALK_TOO_LONG', 'text'));
  return issues;
}

function charLimit(
  text: string,
  limit: number,
  code: 'BRAND_TOO_LONG' | 'ALIMTALK_TOO_LONG' | 'SUBJECT_TOO_LONG' | 'PUSH_TOO_LONG',
  path: string,
): TemplateIssue[] {
  const n = [...text].length;
  return n > limit ? [{ code, path, message: `${n} characters, limit ${limit}`, limit, actual: n }] : [];
}
