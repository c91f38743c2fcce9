import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/ingest-file.ts';
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

  it('an events file with a 200,000-deep line gets a BAD_ROW issue for that line, not a stack overflow', () => {
    const ok = '{"event_id":"e1","type":"page_view","occurred_at":"2026-11-15T01:00:00Z","anonymous_id":"a"}';
    const deep = `{"event_id":"e2","type":"page_view","occurred_at":"2026-11-15T01:00:00Z","properties":{"p":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
    const r = ingestFile(new TextEncoder().encode(`${ok}\n${deep}`), {
      fileName: 'events.jsonl',
      source: 'events',
      now: new Date('2026-11-16T00:00:00Z'),
    });
    expect(r.issues).toEqual([expect.objectContaining({ line: 2, code: 'BAD_ROW' })]);
  });
});
