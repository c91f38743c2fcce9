import type { ConsentChannel, ConsentPurpose, ConsentRecord } from '../records.ts';
import type { RowReader } from '../row-reader.ts';
import type { MapContext } from './map-context.ts';

/**
 * A consent observed in a file. With a date from the file the id carries it; without one the
 * consent is stamped with the import time and its id leaves the time out, so re-importing the
 * same state is recognised (the writer only appends when the state changed).
 */
export function consentFrom(
  ctx: MapContext,
  r: RowReader,
  opts: { personRecordId: string; field: string; channel: ConsentChannel; purpose: ConsentPurpose; granted: boolean; at: Date | undefined },
): ConsentRecord {
  const state = opts.granted ? 'Y' : 'N';
  const base = `${ctx.source}:${opts.personRecordId}:${opts.channel}:${opts.purpose}:${state}`;
  const value = String(r.raw(opts.field) ?? '');
  return {
    consentId: opts.at === undefined ? base : `${base}:${opts.at.toISOString()}`,
    personRecordId: opts.personRecordId,
    channel: opts.channel,
    purpose: opts.purpose,
    granted: opts.granted,
    at: opts.at ?? ctx.now,
    source: ctx.source,
    proof: `${ctx.file}:${r.line} ${r.header(opts.field)}=${value}`,
  };
}
