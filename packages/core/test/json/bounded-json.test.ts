import { describe, expect, it } from 'vitest';
import { jsonDepth, parseBoundedJson } from '../../src/json/bounded-json.ts';

describe('parseBoundedJson', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]"}')).toBe(1);
    expect(jsonDepth('12')).toBe(0);
  });

  it('refuses 200,000 levels before parsing, without overflowing the stack', () => {
    const deep = `{"p":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const r = parseBoundedJson(deep);
    expect(r).toMatchObject({ ok: false, reason: 'too_deep' });
    const objects = `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`;
    expect(parseBoundedJson(objects)).toMatchObject({ ok: false, reason: 'too_deep' });
  });

  it('parses bodies within the limit and reports syntax errors and empty bodies', () => {
    expect(parseBoundedJson(`${'['.repeat(64)}${']'.repeat(64)}`).ok).toBe(true);
    expect(parseBoundedJson(`${'['.repeat(65)}${']'.repeat(65)}`).ok).toBe(false);
    expect(parseBoundedJson('{"__proto__":{"x":1}}')).toEqual({ ok: true, value: JSON.parse('{"__proto__":{"x":1}}') });
    expect(parseBoundedJson('{"a":')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(parseBoundedJson('  ')).toMatchObject({ ok: false, reason: 'empty' });
  });
});
