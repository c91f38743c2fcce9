import { describe, expect, it } from 'vitest';
import { matchesEvent } from '../../src/campaigns/event-trigger.ts';
import { normaliseChannel } from '../../src/ingest/normalise/channel.ts';
import { decodeXmlText } from '../../src/ingest/xlsx/xml-text.ts';
import { ownValue } from '../../src/json/own-value.ts';
import { parseSegment } from '../../src/segments/validate.ts';
import { fillAlimtalkTemplate } from '../../src/templates/alimtalk-variables.ts';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('lookups by outside keys see own properties only', () => {
  it('ownValue ignores Object.prototype members', () => {
    for (const k of PROTO_NAMES) expect(ownValue({ eq: '=' }, k)).toBeUndefined();
    expect(ownValue({ eq: '=' }, 'eq')).toBe('=');
  });

  it('channel labels, XML entities and AlimTalk variables named like prototype members stay text', () => {
    for (const k of PROTO_NAMES) {
      expect(normaliseChannel(k)).toBe(k.toLowerCase());
      expect(decodeXmlText(`&${k};`)).toBe(`&${k};`);
      expect(fillAlimtalkTemplate(`#{${k}}`, { name: '홍길동' })).toBe(`#{${k}}`);
    }
  });

  it('an event property filter on constructor does not match an event without that property', () => {
    const e = { eventId: 'e', customerId: 'c', type: 'page_view', at: new Date(0), properties: { path: '/' } };
    expect(matchesEvent(e, { type: 'page_view', properties: [{ key: 'constructor', op: 'exists' }] })).toBe(false);
    expect(matchesEvent(e, { type: 'page_view', properties: [{ key: 'toString', op: 'exists' }] })).toBe(false);
  });

  it('segment fields and measures named like prototype members are UNKNOWN_FIELD issues', () => {
    for (const k of PROTO_NAMES) {
      const p = parseSegment({ version: 1, root: { kind: 'profile', field: k, op: 'eq', value: 'x' } });
      expect(p.ok).toBe(false);
      const o = parseSegment({ version: 1, root: { kind: 'orders', measure: k, op: 'gte', value: 1 } });
      expect(o.ok).toBe(false);
      if (!p.ok && !o.ok) expect([p.issues[0]?.code, o.issues[0]?.code]).toEqual(['UNKNOWN_FIELD', 'UNKNOWN_FIELD']);
    }
  });
});
