import { Liquid, type Template } from 'liquidjs';
import { issueCodeOf, refuseFileTags, SANDBOX_OPTIONS } from './liquid-sandbox.ts';
import { type TemplateContext, toLiquidScope } from './template-context.ts';
import { koreanDate, productNames, withDefaultFilters } from './template-filters.ts';
import type { TemplateIssue } from './template-issue.ts';

/** `html`: values are HTML-escaped on output (email bodies). `text`: output as written (SMS, Kakao, push). */
export type TemplateMode = 'html' | 'text';

const KST_OFFSET_MINUTES = -540; // Liquid follows Date#getTimezoneOffset: UTC+9 → -540

function createLiquid(mode: TemplateMode): Liquid {
  const liquid = new Liquid({
    ...SANDBOX_OPTIONS,
    ...(mode === 'html' ? { outputEscape: 'escape' as const } : {}),
    timezoneOffset: KST_OFFSET_MINUTES,
    strictFilters: true,
    ownPropertyOnly: true,
  });
  refuseFileTags(liquid);
  liquid.registerFilter('krw', (v: unknown) => {
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? `${Math.round(n).toLocaleString('en-US')}원` : '';
  });
  liquid.registerFilter('names', productNames);
  liquid.registerFilter('kdate', koreanDate);
  return liquid;
}

const ENGINES: Record<TemplateMode, Liquid> = { html: createLiquid('html'), text: createLiquid('text') };

/** Every variable a campaign template may read (see `TemplateContext`). */
export const TEMPLATE_VARIABLES: readonly string[] = [
  'name',
  'grade',
  'related_products',
  'last_viewed_product',
  'coupon',
  'unsubscribe',
];
const KNOWN_ROOTS = TEMPLATE_VARIABLES;

export interface CompiledTemplate {
  readonly mode: TemplateMode;
  /** Root variable names the template reads. */
  readonly variables: readonly string[];
  render(ctx: TemplateContext): { text: string; issues: TemplateIssue[] };
}

/**
 * Parses a Liquid template once. Syntax errors come back as issues, not exceptions.
 *
 * @example
 * const t = compileTemplate('{{ name }}님, {{ coupon.code }} 쿠폰이 {{ coupon.expires_at | date: "%m월 %d일" }} 만료됩니다', 'text');
 * if (t.ok) t.template.render({ name: '김달빛', coupon: { code: 'BDAY-7Q2', expiresAt } }).text;
 */
export function compileTemplate(
  source: string,
  mode: TemplateMode,
  path = 'text',
): { ok: true; template: CompiledTemplate } | { ok: false; issues: TemplateIssue[] } {
  // A campaign renders the same few templates for every recipient: each is parsed once.
  const key = `${mode}\u0000${path}\u0000${source}`;
  const cached = COMPILED.get(key);
  if (cached) return cached.ok ? cached : { ok: false, issues: cached.issues.map((i) => ({ ...i })) };
  const out = compileUncached(source, mode, path);
  if (COMPILED.size >= MAX_COMPILED) COMPILED.clear();
  COMPILED.set(key, out);
  return out.ok ? out : { ok: false, issues: out.issues.map((i) => ({ ...i })) };
}

type Compiled = { ok: true; template: CompiledTemplate } | { ok: false; issues: TemplateIssue[] };
const COMPILED = new Map<string, Compiled>();
const MAX_COMPILED = 512;

function compileUncached(source: string, mode: TemplateMode, path: string): Compiled {
  const liquid = ENGINES[mode];
  let parsed: Template[];
  let variables: string[];
  try {
    parsed = liquid.parse(withDefaultFilters(source));
    variables = liquid.globalVariablesSync(parsed);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: [{ code: issueCodeOf(message, 'SYNTAX'), path, message }] };
  }
  const template: CompiledTemplate = {
    mode,
    variables,
    render(ctx) {
      const scope = toLiquidScope(ctx);
      const issues: TemplateIssue[] = variables
        .filter((v) => !KNOWN_ROOTS.includes(v) && !(v in scope))
        .map((v) => ({ code: 'UNKNOWN_VARIABLE' as const, path, message: `unknown variable "${v}"` }));
      if (variables.includes('coupon') && !ctx.coupon)
        issues.push({
          code: 'COUPON_MISSING',
          path,
          message: '템플릿이 쿠폰을 쓰지만 발급된 쿠폰이 없습니다 / the template uses coupon but no coupon was issued',
        });
      try {
        return { text: liquid.renderSync(parsed, scope) as string, issues };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return {
          text: '',
          issues: [...issues, { code: issueCodeOf(message, 'RENDER'), path, message }],
        };
      }
    },
  };
  return { ok: true, template };
}

/** One-shot compile + render; issues from both steps together. */
export function renderTemplate(input: {
  source: string;
  mode: TemplateMode;
  context: TemplateContext;
  path?: string;
}): { text: string | undefined; issues: TemplateIssue[] } {
  const compiled = compileTemplate(input.source, input.mode, input.path);
  if (!compiled.ok) return { text: undefined, issues: compiled.issues };
  return compiled.template.render(input.context);
}
