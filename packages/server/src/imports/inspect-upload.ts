import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { findSourceSpec } from '@dalbit/core/ingest/source-specs';
import type { Engine } from '../engines/engine.ts';
import { maskEmail, maskKey, maskName, maskPhone } from '../http/mask.ts';
import { importFile } from '../importers/import-file.ts';
import type { ImportSummary } from '../importers/import-summary.ts';
import { fieldLabel, type ImportProblem, presentIssue } from './present-issue.ts';
import type { Upload } from './upload-store.ts';

/** How many mapped rows the preview shows, and problems one answer carries (the rest: rejects file). */
export const PREVIEW_ROWS = 20;
export const MAX_PROBLEMS = 200;

/** A preview cell, typed so the page formats it the Korean way (KST dates, ₩, 예/아니오). */
export type PreviewCell =
  | { readonly t: 'date'; readonly v: string }
  | { readonly t: 'money' | 'number'; readonly v: number }
  | { readonly t: 'flag'; readonly v: boolean }
  | { readonly t: 'text'; readonly v: string };

export interface FieldMapping {
  readonly field: string;
  readonly label: string;
  readonly required: boolean;
  /** The file's column for it, or null when none is used. */
  readonly header: string | null;
  readonly via?: 'alias' | 'mapping';
}

/** What the page shows before anything is written: kind, mapping, first rows, every problem. */
export interface Inspection {
  readonly upload: { readonly id: string; readonly fileName: string; readonly size: number };
  readonly format: string;
  readonly encoding?: string;
  readonly source?: SourceKind;
  readonly forced: boolean;
  /** The channel chosen for the whole file (kinds that take one), when set in the mapping. */
  readonly channel?: string;
  /** Kinds whose required columns the headers have, best first. */
  readonly candidates: readonly SourceKind[];
  /** Detected, and this second kind scored close: the page asks the user to confirm or switch. */
  readonly runnerUp?: { readonly kind: SourceKind; readonly message: string };
  /** The file imports, but a person should know (products keyed by name and option …), in `lang`. */
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly headerLine?: number;
  readonly headers: readonly string[];
  readonly fields: readonly FieldMapping[];
  readonly unusedHeaders: readonly string[];
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsRejected: number;
  /** The file cannot be imported at all until the kind or mapping is fixed. */
  readonly blocked: boolean;
  readonly problemCount: number;
  readonly problems: readonly ImportProblem[];
  readonly preview: readonly { readonly line: number; readonly cells: Readonly<Record<string, PreviewCell>> }[];
}

/**
 * A dry run of the real importer over the upload (same detection, mapping and validation as
 * `dalbit import --dry-run`), presented for the page. Writes nothing.
 */
export async function inspectUpload(engine: Engine, upload: Upload, opts: { now: Date; lang: Lang; scratch: string }) {
  const summary = await importFile(engine, {
    path: upload.path,
    fileName: upload.fileName,
    now: opts.now,
    dryRun: true,
    previewRows: PREVIEW_ROWS,
    // With a rejects path, only whole-file problems make the dry run `failed` (row problems can be set aside).
    rejectsPath: opts.scratch,
    ...(upload.mapping ? { mapping: upload.mapping } : {}),
  });
  return presentInspection(upload, summary, opts.lang);
}

export function presentInspection(upload: Upload, s: ImportSummary, lang: Lang): Inspection {
  const blocked = s.status === 'failed';
  const fileLevel = blocked && s.rowsRead === 0;
  return {
    upload: { id: upload.id, fileName: upload.fileName, size: upload.size },
    format: s.format,
    ...(s.encoding ? { encoding: s.encoding } : {}),
    ...(s.source ? { source: s.source } : {}),
    forced: s.forced,
    ...(upload.mapping?.channel ? { channel: upload.mapping.channel } : {}),
    candidates: s.candidates.map((c) => c.kind),
    ...runnerUpOf(s, lang),
    warnings: s.warnings.map((w) => ({ code: w.code, message: translate(lang, 'importCheck.productKeyFromName') })),
    ...(s.headerLine !== undefined ? { headerLine: s.headerLine } : {}),
    headers: s.headers,
    fields: fieldsOf(s, lang),
    unusedHeaders: s.unusedHeaders,
    rowsRead: s.rowsRead,
    rowsValid: s.rowsRead - s.rowsRejected,
    rowsRejected: s.rowsRejected,
    blocked,
    problemCount: s.issues.length,
    problems: s.issues.slice(0, MAX_PROBLEMS).map((i) => presentIssue(i, fileLevel, lang)),
    preview: s.preview.map(previewRow),
  };
}

/** The close second kind with the sentence the page shows (both labels and scores). */
function runnerUpOf(s: ImportSummary, lang: Lang): Pick<Inspection, 'runnerUp'> {
  if (s.runnerUp === undefined || s.source === undefined) return {};
  const best = s.candidates.find((c) => c.kind === s.source);
  const message = translate(lang, 'importCheck.runnerUp', {
    best: translate(lang, `imports.source.${s.source}`),
    second: translate(lang, `imports.source.${s.runnerUp.kind}`),
    bestScore: best?.score ?? '?',
    secondScore: s.runnerUp.score,
  });
  return { runnerUp: { kind: s.runnerUp.kind, message } };
}

function fieldsOf(s: ImportSummary, lang: Lang): FieldMapping[] {
  const spec = s.source === undefined ? undefined : findSourceSpec(s.source);
  if (!spec) return [];
  const chosen = new Map(s.columns.map((c) => [c.field, c]));
  return Object.entries(spec.fields).map(([field, f]) => {
    const c = chosen.get(field);
    return {
      field,
      label: fieldLabel(field, lang),
      required: f.required === true,
      header: c?.header ?? null,
      ...(c ? { via: c.via } : {}),
    };
  });
}

const MONEY = new Set(['line_amount', 'discount', 'unit_price', 'price']);
const NAMES = new Set(['buyer_name', 'name']);
const EMAILS = new Set(['buyer_email', 'email']);
const KEYS = new Set(['member_id', 'masked_buyer_id', 'kakao_id']);

/** One mapped row; personal data masked as everywhere else in the dashboard. */
function previewRow(row: Record<string, unknown>): { line: number; cells: Record<string, PreviewCell> } {
  const cells: Record<string, PreviewCell> = {};
  for (const [field, v] of Object.entries(row)) {
    if (field === 'line') continue;
    const cell = previewCell(field, v);
    if (cell) cells[field] = cell;
  }
  return { line: Number(row.line), cells };
}

function previewCell(field: string, v: unknown): PreviewCell | undefined {
  if (v instanceof Date) return { t: 'date', v: v.toISOString() };
  if (typeof v === 'number') return { t: MONEY.has(field) ? 'money' : 'number', v };
  if (typeof v === 'boolean') return { t: 'flag', v };
  if (v && typeof v === 'object') {
    if ('e164' in v) return { t: 'text', v: maskPhone(String(v.e164)) ?? '' };
    if ('md' in v) return { t: 'text', v: String(v.md) };
    return undefined;
  }
  if (typeof v !== 'string') return undefined;
  if (NAMES.has(field)) return { t: 'text', v: maskName(v) ?? '' };
  if (EMAILS.has(field)) return { t: 'text', v: maskEmail(v) ?? '' };
  if (KEYS.has(field)) return { t: 'text', v: maskKey(v) ?? '' };
  return { t: 'text', v };
}
