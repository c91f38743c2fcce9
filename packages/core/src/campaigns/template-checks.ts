import type { MessageKey, MessageParams } from '../i18n/catalog.ts';
import { translate } from '../i18n/catalog.ts';
import { extractAlimtalkVariables, fillAlimtalkTemplate } from '../templates/alimtalk-variables.ts';
import { DEFAULT_CHANNEL_LIMITS } from '../templates/channel-limits.ts';
import { measureEucKr } from '../templates/euc-kr.ts';
import { compileTemplate, TEMPLATE_VARIABLES } from '../templates/render-template.ts';
import type { MessageTemplate } from './message-template.ts';

/** One problem in one template field, Korean first (the API's 400 issue and the composer's inline text). */
export interface TemplateCheckIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

const ko = (key: MessageKey, params?: MessageParams) => translate('ko', key, params);

/** Variables that are objects: printed bare they would show raw data, so a member must be named. */
const MEMBERS: Readonly<Record<string, readonly string[]>> = {
  coupon: ['code', 'expires_at', 'value'],
  last_viewed_product: ['id', 'name', 'price', 'url', 'image_url'],
};
/** `last_viewed_product` printed bare reads as its name; only the coupon is refused bare. */
const BARE_REFUSED = new Set(['coupon']);

/** Text inside `{{ … }}` and `{% … %}`, where variables live. */
const LIQUID_PARTS = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g;

function memberIssues(source: string, at: readonly (string | number)[]): TemplateCheckIssue[] {
  const issues: TemplateCheckIssue[] = [];
  for (const m of source.matchAll(LIQUID_PARTS)) {
    const inner = m[1] ?? m[2] ?? '';
    const isOutput = m[1] !== undefined;
    for (const [root, members] of Object.entries(MEMBERS)) {
      const list = members.join(', ');
      for (const ref of inner.matchAll(new RegExp(`\\b${root}\\.([A-Za-z_]+)`, 'g')))
        if (!members.includes(ref[1] ?? ''))
          issues.push({
            path: at,
            code: 'UNKNOWN_MEMBER',
            message: ko('studio.check.unknownMember', { name: root, member: ref[1] ?? '', members: list }),
          });
      const head = inner.trim().split('|')[0]?.trim();
      if (isOutput && head === root && BARE_REFUSED.has(root))
        issues.push({
          path: at,
          code: 'OBJECT_VARIABLE',
          message: ko('studio.check.objectVariable', {
            name: root,
            members: members.map((x) => `${root}.${x}`).join(', '),
          }),
        });
    }
  }
  return issues;
}

/**
 * Static checks of one Liquid source of a campaign template: syntax, unknown variables, a coupon
 * variable without a coupon, an object printed bare, an unknown member. Nothing is rendered.
 */
export function checkTemplateSource(
  source: string,
  mode: 'text' | 'html',
  at: readonly (string | number)[],
  hasCoupon: boolean,
): TemplateCheckIssue[] {
  const compiled = compileTemplate(source, mode, at.join('.'));
  if (!compiled.ok)
    return compiled.issues.map((i) => ({
      path: at,
      code: 'TEMPLATE_SYNTAX',
      message: ko('studio.check.syntax', { detail: i.message }),
    }));
  const issues: TemplateCheckIssue[] = [];
  for (const v of compiled.template.variables) {
    if (!TEMPLATE_VARIABLES.includes(v))
      issues.push({
        path: at,
        code: 'UNKNOWN_VARIABLE',
        message: ko('studio.check.unknownVariable', { name: v, known: TEMPLATE_VARIABLES.join(', ') }),
      });
    else if (v === 'coupon' && !hasCoupon)
      issues.push({ path: at, code: 'COUPON_MISSING', message: ko('studio.check.couponWithoutCoupon') });
  }
  return [...issues, ...memberIssues(source, at)];
}

/** A written length against a limit, as an issue when over. */
function over(
  at: readonly (string | number)[],
  what: MessageKey,
  actual: number,
  limit: number,
  unit: 'bytes' | 'chars',
): TemplateCheckIssue[] {
  if (actual <= limit) return [];
  const u = ko(unit === 'bytes' ? 'studio.unit.bytes' : 'studio.unit.chars');
  return [
    {
      path: at,
      code: 'TOO_LONG',
      message: ko('studio.check.tooLong', {
        what: ko(what),
        actual: actual.toLocaleString('en-US'),
        limit: limit.toLocaleString('en-US'),
        unit: u,
      }),
    },
  ];
}

/** A value as every customer gets it at least: its text outside `{{ … }}` and `{% … %}`. */
const literalPart = (source: string): string => source.replace(LIQUID_PARTS, '');

/**
 * An AlimTalk template whose approved text is known: each `#{name}` has a value and no value is
 * for a name the text lacks; the text filled with each value's literal part (what no customer's data
 * can shorten) must fit the limit. Per-customer values are measured again when the message is built.
 */
function alimtalkBodyIssues(
  body: string,
  variables: Readonly<Record<string, string>>,
  at: readonly (string | number)[],
): TemplateCheckIssue[] {
  const expected = extractAlimtalkVariables(body);
  const issues: TemplateCheckIssue[] = [];
  for (const name of expected)
    if (!Object.hasOwn(variables, name))
      issues.push({
        path: [...at, 'templateBody'],
        code: 'ALIMTALK_VARIABLE_MISSING',
        message: ko('studio.check.alimtalkVariableMissing', { name }),
      });
  for (const name of Object.keys(variables))
    if (!expected.includes(name))
      issues.push({
        path: [...at, 'variables', name],
        code: 'ALIMTALK_VARIABLE_UNKNOWN',
        message: ko('studio.check.alimtalkVariableUnknown', { name, known: expected.join(', ') || '—' }),
      });
  const least = fillAlimtalkTemplate(
    body,
    Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, literalPart(v)])),
  );
  const limit = DEFAULT_CHANNEL_LIMITS.alimtalkChars;
  return [
    ...issues,
    ...over([...at, 'templateBody'], 'studio.limit.alimtalkFilled', [...least].length, limit, 'chars'),
  ];
}

/**
 * Length limits of what the marketer wrote (before variables are filled and ad marks are added):
 * SMS/LMS in EUC-KR bytes (LMS 2,000), brand messages, AlimTalk values, email subjects and push in
 * characters; the SMS fallback of a Kakao message like SMS.
 * The preview measures the rendered message again for a real customer.
 */
export function checkTemplateLimits(t: MessageTemplate, at: readonly (string | number)[]): TemplateCheckIssue[] {
  const L = DEFAULT_CHANNEL_LIMITS;
  const smsText = (text: string, subject: string | undefined, base: readonly (string | number)[]) => {
    const m = measureEucKr(text, L.encoding);
    const bad = m.unencodable.map((u) => u.char);
    return [
      ...over([...base, 'text'], 'studio.limit.sms', m.bytes, L.lmsBytes, 'bytes'),
      ...over(
        [...base, 'subject'],
        'studio.limit.lmsSubject',
        measureEucKr(subject ?? '', L.encoding).bytes,
        L.lmsTitleBytes,
        'bytes',
      ),
      ...(bad.length > 0
        ? [
            {
              path: [...base, 'text'],
              code: 'NON_EUC_KR_CHAR',
              message: ko('studio.check.nonEucKr', { chars: [...new Set(bad)].join(' ') }),
            },
          ]
        : []),
    ];
  };
  switch (t.channel) {
    case 'sms':
      return smsText(t.text, t.subject, at);
    case 'kakao_brand':
      return [
        ...over([...at, 'text'], 'studio.limit.brand', [...t.text].length, L.brandChars, 'chars'),
        ...(t.smsFallback ? smsText(t.smsFallback.text, t.smsFallback.subject, [...at, 'smsFallback']) : []),
      ];
    case 'email':
      return over([...at, 'subject'], 'studio.limit.emailSubject', [...t.subject].length, L.emailSubjectChars, 'chars');
    case 'kakao_alimtalk':
      // A single value over the limit is over for sure; with the approved text, the filled total too.
      return [
        ...Object.entries(t.variables).flatMap(([name, value]) =>
          over([...at, 'variables', name], 'studio.limit.alimtalkValue', [...value].length, L.alimtalkChars, 'chars'),
        ),
        ...(t.templateBody === undefined ? [] : alimtalkBodyIssues(t.templateBody, t.variables, at)),
        ...(t.smsFallback ? smsText(t.smsFallback.text, t.smsFallback.subject, [...at, 'smsFallback']) : []),
      ];
    case 'push':
      return [
        ...over([...at, 'title'], 'studio.limit.pushTitle', [...t.title].length, L.pushTitleChars, 'chars'),
        ...over([...at, 'body'], 'studio.limit.pushBody', [...t.body].length, L.pushBodyChars, 'chars'),
      ];
    default:
      return [];
  }
}
