import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARSE_LIMIT } from '@dalbit/core/templates/liquid-sandbox';
import { compileTemplate, renderTemplate } from '@dalbit/core/templates/render-template';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The attack of issue 12: a campaign template that pulls a server file (the coupon secret, .env)
// into a message, or loops millions of times inside the sending process.
describe('template sandbox', () => {
  const cwd = process.cwd();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-liquid-'));
    writeFileSync(join(dir, '.env'), 'COUPON_SECRET=top-secret-value\n');
    writeFileSync(join(dir, 'secret.liquid'), 'top-secret-value');
    process.chdir(dir);
  });
  afterEach(() => process.chdir(cwd));

  for (const source of [
    "{% include 'secret' %}",
    "{% include '.env' %}",
    "{% render 'secret.liquid' %}",
    "{% layout 'secret' %}본문",
    '{% include name %}',
  ])
    it(`refuses ${source} when the template is compiled (saved), naming the tag`, () => {
      const c = compileTemplate(source, 'text');
      expect(c.ok).toBe(false);
      if (c.ok) return;
      expect(c.issues[0]).toMatchObject({ code: 'FORBIDDEN_TAG', path: 'text' });
      expect(c.issues[0]?.message).toMatch(/is not allowed in campaign templates/);
      expect(c.issues[0]?.message).toMatch(/파일을 불러올 수 없습니다/);
      const r = renderTemplate({ source, mode: 'html', context: { name: 'secret' } });
      expect(r.text).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain('top-secret-value');
    });

  it('refuses a 3-million-iteration loop with a limit issue instead of running it', () => {
    const r = renderTemplate({ source: '{% for i in (1..3000000) %}x{% endfor %}', mode: 'text', context: {} });
    expect(r.issues).toMatchObject([{ code: 'TEMPLATE_LIMIT', path: 'text' }]);
    expect(r.text).toBe('');
  });

  it('refuses nested loops whose total work is millions of iterations', () => {
    const source = '{% for i in (1..2000) %}{% for j in (1..2000) %}{{ j }}{% endfor %}{% endfor %}';
    expect(renderTemplate({ source, mode: 'text', context: {} }).issues).toMatchObject([{ code: 'TEMPLATE_LIMIT' }]);
  });

  it('refuses a template longer than the parse limit and an output that grows past the memory budget', () => {
    expect(compileTemplate('가'.repeat(PARSE_LIMIT + 1), 'text')).toMatchObject({
      ok: false,
      issues: [{ code: 'TEMPLATE_LIMIT' }],
    });
    const r = renderTemplate({
      source: '{% assign s = "xxxxxxxxxx" %}{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
      mode: 'text',
      context: {},
    });
    expect(r.issues).toMatchObject([{ code: 'TEMPLATE_LIMIT' }]);
  });

  it('still renders ordinary campaign templates with loops', () => {
    const r = renderTemplate({
      source: '{% for i in (1..3) %}{{ i }}{% endfor %} {{ name }}님',
      mode: 'text',
      context: { name: '김달빛' },
    });
    expect(r).toEqual({ text: '123 김달빛님', issues: [] });
  });
});
