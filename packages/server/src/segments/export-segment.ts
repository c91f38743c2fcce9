import { renameSync, rmSync } from 'node:fs';
import { domainError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';
import { neutralizeFormula } from '@dalbit/core/export/csv';
import { toDomesticDigits } from '@dalbit/core/phone/phone';
import { CUSTOMERS } from '@dalbit/core/schema/tables';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  type ExportColumnName,
  formatExportCell,
  isExportColumn,
} from '@dalbit/core/segments/export/export-columns';
import { openSpellsTree } from '@dalbit/core/segments/membership-tree';
import { col, inQuery } from '@dalbit/core/segments/sql/build';
import type { SelectNode } from '@dalbit/core/segments/sql/node';
import { printSql } from '@dalbit/core/segments/sql/print';
import { CUSTOMER_FEATURES } from '@dalbit/core/segments/tables';
import { createContext } from '@dalbit/core/segments/tree/context';
import { reachableTree } from '@dalbit/core/segments/tree/reach';
import type { Engine } from '../engines/engine.ts';
import { CsvWriter } from '../export/csv-writer.ts';
import { XlsxWriter } from '../export/xlsx-writer.ts';
import { writePrivateFile } from '../files/private-files.ts';
import { appendAccessLog } from '../http/access-log.ts';
import { getSegmentOrThrow } from './segment-store.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'kakao-friends';

export type ExportErrorCode = 'UNKNOWN_COLUMN' | 'REASON_REQUIRED';

const EXPORT_ERROR_KIND = {
  UNKNOWN_COLUMN: 'invalid_input',
  REASON_REQUIRED: 'invalid_input',
} as const satisfies Record<ExportErrorCode, ErrorKind>;

export class ExportError extends domainError<ExportErrorCode>('ExportError', EXPORT_ERROR_KIND) {}

export interface ExportRequest {
  readonly segmentId: string;
  readonly format: ExportFormat;
  readonly out: string;
  readonly columns?: readonly string[];
  /** Unmasked personal data; requires `reason` (written to the access log). */
  readonly unmask?: boolean;
  readonly reason?: string;
  readonly actor: string;
  readonly origin?: string;
  readonly now: Date;
}

export interface ExportResult {
  readonly rows: number;
  readonly path: string;
  readonly masked: boolean;
  readonly accessLogId: string;
}

/**
 * Writes the current members of a segment to a file. Personal data is masked unless `unmask` is
 * set with a reason; every export is written to the hash-chained access log. `kakao-friends`
 * writes the phone list a Kakao channel friend-group upload takes (always unmasked, so it needs a
 * reason). Files are written to a temporary name and renamed, so a failure leaves nothing half-done.
 */
export async function exportSegment(engine: Engine, req: ExportRequest): Promise<ExportResult> {
  await getSegmentOrThrow(engine, req.segmentId);
  const phoneList = req.format === 'kakao-friends';
  const unmask = phoneList || req.unmask === true;
  const reason = req.reason?.trim() ?? '';
  if (unmask && reason.length < 2)
    throw new ExportError('REASON_REQUIRED', 'unmasked exports (and kakao-friends phone lists) need --reason "…"');
  const names = phoneList ? (['phone'] as const) : (req.columns ?? DEFAULT_EXPORT_COLUMNS);
  const unknown = names.filter((n) => !isExportColumn(n));
  if (unknown.length)
    throw new ExportError(
      'UNKNOWN_COLUMN',
      `unknown column(s) ${unknown.join(', ')}; choose from ${Object.keys(EXPORT_COLUMNS).join(', ')}`,
    );
  const columns = names as readonly ExportColumnName[];

  const rows = await segmentMemberRows(engine, req.segmentId, columns, phoneList ? { kakaoAdOnly: req.now } : {});
  const tmp = `${req.out}.tmp-${process.pid}`;
  let written = 0;
  try {
    if (phoneList) {
      const phones = [
        ...new Set(
          rows
            .map((r) => r.phone)
            .filter((p): p is string => typeof p === 'string' && p !== '')
            .map((p) => toDomesticDigits(p) ?? p.replace(/[^0-9]/g, '')),
        ),
      ];
      written = phones.length;
      writePrivateFile(tmp, phones.map((p) => `${p}\r\n`).join(''));
    } else {
      const header = columns.map((c) => EXPORT_COLUMNS[c].label);
      const body = rows.map((r) => columns.map((c) => formatExportCell(c, r[c], unmask)));
      written = body.length;
      // CSV: UTF-8 with BOM so Excel opens Korean text; formulas neutralised. XLSX cells are inline
      // strings, which spreadsheets never evaluate, but they are neutralised too so both files agree.
      const w =
        req.format === 'csv'
          ? new CsvWriter(tmp, { encoding: 'utf8-bom', header, neutralizeFormulas: true })
          : new XlsxWriter(tmp, {
              sheetName: 'segment',
              header,
              types: columns.map(() => 's'),
              mtime: new Date(2000, 0, 1),
            });
      for (const cells of body) w.writeRow(req.format === 'csv' ? cells : cells.map(neutralizeFormula));
      w.close();
    }
    renameSync(tmp, req.out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  const log = await appendAccessLog(engine, {
    actor: req.actor,
    action: unmask ? 'segment_export_unmasked' : 'segment_export',
    subject: `segment:${req.segmentId} rows:${written} format:${req.format} columns:${columns.join('|')}`,
    reason: reason || null,
    origin: req.origin ?? null,
    at: req.now,
  });
  return { rows: written, path: req.out, masked: !unmask, accessLogId: log.logId };
}

/** The current members of a segment with the export columns asked for, by customer id. */
export async function segmentMemberRows(
  engine: Engine,
  segmentId: string,
  columns: readonly ExportColumnName[],
  /** `kakaoAdOnly`: only members reachable by Kakao ads (the friend-group file), by the one reachability rule. */
  opts: { kakaoAdOnly?: Date } = {},
): Promise<Record<string, unknown>[]> {
  return await engine.query(printSql(membersDetailTree(segmentId, columns, opts.kakaoAdOnly), engine.dialect));
}

function membersDetailTree(segmentId: string, columns: readonly ExportColumnName[], kakaoAdAt?: Date): SelectNode {
  const c = 'c';
  const f = 'x';
  const { columns: _unused, ...spells } = openSpellsTree(segmentId);
  const members = inQuery(col(c, 'customer_id'), {
    ...spells,
    columns: [{ expr: col('m', 'customer_id'), alias: 'customer_id' }],
  });
  const kakaoAd = kakaoAdAt
    ? reachableTree({ channel: 'kakao', purpose: 'ad' }, { ...createContext(kakaoAdAt), base: f })
    : undefined;
  return {
    kind: 'select',
    columns: columns.map((name) => {
      const spec = EXPORT_COLUMNS[name];
      return { expr: col(spec.source === 'customers' ? c : f, spec.column), alias: name };
    }),
    from: {
      kind: 'join',
      join: 'left',
      left: { kind: 'table', table: CUSTOMERS.name, alias: c },
      right: { kind: 'table', table: CUSTOMER_FEATURES.name, alias: f },
      on: { kind: 'compare', left: col(f, 'customer_id'), op: '=', right: col(c, 'customer_id') },
    },
    where: kakaoAd ? { kind: 'and', items: [members, kakaoAd] } : members,
    orderBy: [{ expr: col(c, 'customer_id') }],
  };
}
