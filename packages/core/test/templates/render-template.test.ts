import { compileTemplate, renderTemplate } from '@dalbit/core/templates/render-template';
import { describe, expect, it } from 'vitest';

const expiresAt = new Date('2026-05-03T15:30:00Z'); // 2026-05-04 00:30 KST

describe('renderTemplate', () => {
  it('escapes values in HTML mode (email) and not in text mode (SMS)', () => {
    const source = '{{ name }}님 <b>{{ coupon.code }}</b>';
    const context = { name: '<김&이>', coupon: { code: 'A&B', expiresAt } };
    expect(renderTemplate({ source, mode: 'html', context }).text).toBe('&lt;김&amp;이&gt;님 <b>A&amp;B</b>');
    expect(renderTemplate({ source, mode: 'text', context }).text).toBe('<김&이>님 <b>A&B</b>');
  });

  it('formats dates in KST and money in won', () => {
    const r = renderTemplate({
      source: '{{ coupon.code }} 쿠폰 {{ coupon.expires_at | date: "%m월 %d일 %H:%M" }}까지, {{ 12000 | krw }}',
      mode: 'text',
      context: { coupon: { code: 'BDAY7', expiresAt } },
    });
    expect(r).toEqual({ text: 'BDAY7 쿠폰 05월 04일 00:30까지, 12,000원', issues: [] });
  });

  it('uses 고객 when the name is missing and lists related products', () => {
    const r = renderTemplate({
      source:
        '{{ name }}님 추천: {% for p in related_products %}{{ p.name }}({{ p.price | krw }}){% unless forloop.last %}, {% endunless %}{% endfor %} / 최근 본 상품 {{ last_viewed_product.name }}',
      mode: 'text',
      context: {
        relatedProducts: [
          { id: 'p1', name: '수분크림', price: 23000 },
          { id: 'p2', name: '선크림', price: 18000 },
        ],
        lastViewedProduct: { id: 'p3', name: '토너' },
      },
    });
    expect(r.text).toBe('고객님 추천: 수분크림(23,000원), 선크림(18,000원) / 최근 본 상품 토너');
  });

  it('collects syntax errors and unknown variables instead of throwing', () => {
    expect(renderTemplate({ source: '{% if %}', mode: 'text', context: {} })).toMatchObject({
      text: undefined,
      issues: [{ code: 'SYNTAX' }],
    });
    const r = renderTemplate({ source: '{{ nmae }}님 {{ gradee }}', mode: 'text', context: {} });
    expect(r.issues.map((i) => i.message)).toEqual(['unknown variable "nmae"', 'unknown variable "gradee"']);
  });

  it('compiles once and renders many times', () => {
    const t = compileTemplate('{{ name }}님 ({{ grade }})', 'text');
    if (!t.ok) throw new Error('compile failed');
    expect(t.template.variables).toEqual(['name', 'grade']);
    expect(t.template.render({ name: '박', grade: 'VIP' }).text).toBe('박님 (VIP)');
    expect(t.template.render({ name: '최', grade: 'GOLD' }).text).toBe('최님 (GOLD)');
  });
});
