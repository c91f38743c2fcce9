import type { ConsentChannel, ConsentPurpose, ConsentRecord } from '../records.ts';
import type { RowReader } from '../row-reader.ts';
import type { MapContext } from './map-context.ts';

const DATED_LABEL = {
  consent_date: '동의일: 파일의 동의일 / dated by the file',
  signup: '동의일: 가입일 / dated by the sign-up date',
  export: '동의일: 파일을 내보낸 시점(파일의 가장 늦은 날짜) / dated by the export (the newest date in the file)',
  import: '동의일: 가져온 시각 / dated by the import time',
} as const;

/**
 * A consent observed in a file, dated by the file or else stamped with the import time. The id
 * carries person, channel, purpose, state and time; the writer appends it only when the state
 * is news, so re-importing the same export appends nothing.
 */
export function consentFrom(
  ctx: MapContext,
  r: RowReader,
  opts: {
    personRecordId: string;
    field: string;
    channel: ConsentChannel;
    purpose: ConsentPurpose;
    granted: boolean;
    at: Date | undefined;
    /** What `at` is (written into the proof so the profile says it): a consent-date column, the sign-up date. */
    dated?: 'consent_date' | 'signup';
  },
): ConsentRecord {
  const state = opts.granted ? 'Y' : 'N';
  const base = `${ctx.source}:${opts.personRecordId}:${opts.channel}:${opts.purpose}:${state}`;
  const value = String(r.raw(opts.field) ?? '');
  return {
    consentId: `${base}:${(opts.at ?? ctx.now).toISOString()}`,
    personRecordId: opts.personRecordId,
    channel: opts.channel,
    purpose: opts.purpose,
    granted: opts.granted,
    at: opts.at ?? ctx.now,
    source: ctx.source,
    proof: `${ctx.file}:${r.line} ${r.header(opts.field)}=${value} (${DATED_LABEL[opts.at === undefined ? 'import' : (opts.dated ?? 'consent_date')]})`,
  };
}

/**
 * An undated observation re-dated at the moment the export was taken, estimated as the newest date
 * the file carries (the export cannot be older than its newest row). Id and proof follow the date.
 */
export function datedByExport(c: ConsentRecord, exportedAt: Date): ConsentRecord {
  const base = c.consentId.slice(0, c.consentId.length - c.at.toISOString().length);
  return {
    ...c,
    at: exportedAt,
    consentId: `${base}${exportedAt.toISOString()}`,
    ...(c.proof === undefined ? {} : { proof: c.proof.replace(DATED_LABEL.import, DATED_LABEL.export) }),
  };
}
