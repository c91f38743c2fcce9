import { buildMessage } from '@dalbit/core/campaigns/build-message';
import { parseCampaign } from '@dalbit/core/campaigns/parse-campaign';
import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { renderTemplate } from '@dalbit/core/templates/render-template';
import { describe, expect, it } from 'vitest';

const expiresAt = new Date('2026-12-07T15:30:00Z'); // 2026-12-08 00:30 KST
const related = [
  { id: 'p1', name: '수분크림', price: 23000 },
  { id: 'p2', name: '선크림', price: 18000 },
  { id: 'p3', name: '토너' },
];

describe('template variables render as a person reads them', () => {
  it('a bare product list is the names, a bare coupon date is a KST Korean date', () => {
    const r = renderTemplate({
      source:
        '추천: {{ related_products }} / 최근 {{ last_viewed_product }} / {{ coupon.code }} {{ coupon.expires_at }}까지',
      mode: 'text',
      context: { relatedProducts: related, lastViewedProduct: related[2], coupon: { code: 'BDAY7', expiresAt } },
    });
    expect(r).toEqual({ text: '추천: 수분크림, 선크림, 토너 / 최근 토너 / BDAY7 12월 8일까지', issues: [] });
  });

  it('explicit filters still work: names with a separator, kdate with the year, join, date', () => {
    const r = renderTemplate({
      source:
        '{{ related_products | names: " · " }} | {{ related_products | join: "/" }} | {{ coupon.expires_at | kdate: "year" }} | {{ coupon.expires_at | date: "%m.%d" }}',
      mode: 'html',
      context: { relatedProducts: related, coupon: { code: 'X', expiresAt } },
    });
    expect(r.text).toBe('수분크림 · 선크림 · 토너 | 수분크림/선크림/토너 | 2026년 12월 8일 | 12.08');
  });

  it('an empty product list prints nothing, never [object Object]', () => {
    const r = renderTemplate({ source: '[{{ related_products }}]', mode: 'text', context: {} });
    expect(r.text).toBe('[]');
  });

  it('a template that reads coupon without a coupon is an issue, not a blank', () => {
    const r = renderTemplate({ source: '쿠폰 {{ coupon.code }}', mode: 'text', context: { name: '김달빛' } });
    expect(r.issues.map((i) => i.code)).toEqual(['COUPON_MISSING']);
    const built = buildMessage({
      channel: 'sms',
      purpose: 'info',
      templates: [{ channel: 'sms', text: '쿠폰 {{ coupon.code }}' }],
      fallbackToSms: false,
      recipient: { customerId: 'c1', phone: '+821012345678' },
      sender: { smsFrom: '0212345678' },
      policy: CompliancePolicySchema.parse({
        sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
      }),
    });
    expect(built).toMatchObject({ ok: false, reason: 'TEMPLATE_ERROR' });
  });
});

describe('saving a campaign checks its template variables', () => {
  const base = {
    id: 'c',
    name: 'c',
    purpose: 'info',
    trigger: { kind: 'broadcast', at: '2026-11-20T01:00:00Z' },
    channel: 'sms',
    sender: { smsFrom: '0212345678' },
  };

  it('refuses an unknown variable with the path and a Korean message', () => {
    const r = parseCampaign({ ...base, templates: [{ channel: 'sms', text: '{{ nmae }}님 안녕하세요' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(['templates.0.text']);
      expect(r.issues[0]?.message).toContain('알 수 없는 변수 {{ nmae }}');
    }
  });

  it('refuses coupon variables when the campaign issues no coupon, accepts them when it does', () => {
    const templates = [{ channel: 'sms', text: '{{ coupon.code }} ({{ coupon.expires_at }}까지)' }];
    const r = parseCampaign({ ...base, templates });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toContain('쿠폰');
    const ok = parseCampaign({ ...base, templates, coupon: { kind: 'amount', value: 5000, validDays: 7 } });
    expect(ok.ok, ok.ok ? '' : JSON.stringify(ok.issues)).toBe(true);
  });

  it('loop variables are not unknown', () => {
    const r = parseCampaign({
      ...base,
      templates: [{ channel: 'sms', text: '{% for p in related_products %}{{ p.name }}{% endfor %}' }],
    });
    expect(r.ok).toBe(true);
  });
});
