import { toKoreanE164 } from '@dalbit/core/phone/phone';
import type { OptOutInput } from './apply-opt-outs.ts';

export interface ListIssue {
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

const HEADER = /^(phone|전화번호|휴대폰|수신거부번호|번호)/i;

/**
 * Reads an 080 opt-out list as gateways export it: one number a line, optionally followed by a
 * date/time (`,` or tab separated; KST when no zone is given). A header line is skipped.
 * Bad lines are reported with their line number; good lines are kept.
 */
export function read080List(
  text: string,
  opts: { source: string; defaultAt: Date },
): { events: OptOutInput[]; issues: ListIssue[] } {
  const events: OptOutInput[] = [];
  const issues: ListIssue[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = i + 1;
    const trimmed = raw.replace(/^\uFEFF/, '').trim();
    if (trimmed === '' || trimmed.startsWith('#') || (line === 1 && HEADER.test(trimmed))) continue;
    const [phoneCell = '', atCell] = trimmed.split(/[,\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    const phone = toKoreanE164(phoneCell);
    if (!phone) {
      issues.push({ line, column: 'phone', message: `not a Korean phone number: ${phoneCell}` });
      continue;
    }
    let at = opts.defaultAt;
    if (atCell) {
      const iso = atCell.includes('T') ? atCell : atCell.replace(' ', 'T');
      const t = Date.parse(
        /([+-]\d{2}:?\d{2}|Z)$/.test(iso) ? iso : `${iso}${iso.length === 10 ? 'T00:00:00' : ''}+09:00`,
      );
      if (Number.isNaN(t)) {
        issues.push({ line, column: 'at', message: `not a date: ${atCell}` });
        continue;
      }
      at = new Date(t);
    }
    events.push({ phone, at, source: opts.source });
  }
  return { events, issues };
}
