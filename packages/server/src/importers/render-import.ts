import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { formatRowIssue } from '@dalbit/core/ingest/issue-text';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { findSourceSpec } from '@dalbit/core/ingest/source-specs';
import type { ImportSummary } from './import-summary.ts';

const T = {
  detected: { ko: '감지된 파일 종류', en: 'detected source' },
  forced: { ko: '지정된 파일 종류', en: 'source (forced)' },
  header: { ko: '헤더 행', en: 'header row' },
  mapping: { ko: '열 매핑', en: 'column mapping' },
  unused: { ko: '사용하지 않는 열', en: 'unused columns' },
  preview: { ko: '처음 매핑된 행', en: 'first mapped rows' },
  problems: { ko: '문제', en: 'problems' },
  none: { ko: '문제 없음', en: 'no problems' },
  summary: { ko: '요약', en: 'summary' },
  read: { ko: '읽은 행', en: 'rows read' },
  written: { ko: '기록한 행', en: 'rows written' },
  rejected: { ko: '거부한 행', en: 'rows rejected' },
  created: { ko: '새 고객', en: 'customers created' },
  merged: { ko: '병합', en: 'customers merged' },
  dry: { ko: '시험 실행: 아무것도 기록하지 않았습니다', en: 'dry run: nothing was written' },
  rejects: { ko: '거부된 행 파일', en: 'rejected rows written to' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Which kind of file this is, said before anything else. */
export function renderDetection(s: ImportSummary, lang: Lang): string[] {
  if (s.source === undefined) return [];
  const label = findSourceSpec(s.source)?.label ?? 'JSON lines';
  const kind = s.forced ? T.forced[lang] : T.detected[lang];
  const where = s.headerLine === undefined ? '' : `, ${T.header[lang]} ${s.headerLine}`;
  return [
    `${kind}: ${s.source} (${label}; ${s.format}${s.encoding ? ` ${s.encoding}` : ''}${where})`,
    ...renderRunnerUp(s, lang),
    ...s.warnings.map(
      () => `${translate(lang, 'importCheck.warning')}: ${translate(lang, 'importCheck.productKeyFromName')}`,
    ),
  ];
}

/** A close second kind: named with both scores and the flag that picks it. */
function renderRunnerUp(s: ImportSummary, lang: Lang): string[] {
  if (s.runnerUp === undefined || s.source === undefined) return [];
  const label = (k: SourceKind) => translate(lang, `imports.source.${k}`);
  const best = s.candidates.find((c) => c.kind === s.source);
  const second = label(s.runnerUp.kind);
  return [
    `${translate(lang, 'importCheck.warning')}: ${translate(lang, 'importCheck.runnerUp', {
      best: label(s.source),
      second,
      bestScore: best?.score ?? '?',
      secondScore: s.runnerUp.score,
    })}; ${translate(lang, 'importCheck.runnerUpCli', { second, secondKind: s.runnerUp.kind })}`,
  ];
}

/** Dry run: mapping, first rows, every problem. */
export function renderDryRun(s: ImportSummary, lang: Lang): string[] {
  const out = [`${T.mapping[lang]}:`];
  for (const c of s.columns) out.push(`  ${c.header} → ${c.field}${c.via === 'mapping' ? ' (mapping)' : ''}`);
  if (s.unusedHeaders.length > 0) out.push(`${T.unused[lang]}: ${s.unusedHeaders.join(', ')}`);
  out.push(`${T.preview[lang]}:`);
  for (const row of s.preview) out.push(`  ${JSON.stringify(row, previewValue)}`);
  out.push(...renderIssues(s, lang));
  return out;
}

export function renderIssues(s: ImportSummary, lang: Lang, limit = Number.POSITIVE_INFINITY): string[] {
  if (s.issues.length === 0) return [`${T.problems[lang]}: ${T.none[lang]}`];
  const fileLevel = s.status === 'failed' && s.rowsRead === 0;
  const shown = s.issues.slice(0, limit).map((i) => formatRowIssue(i, fileLevel, lang));
  const more = s.issues.length > limit ? [`… +${s.issues.length - limit}`] : [];
  return [`${T.problems[lang]} (${s.issues.length}):`, ...shown.map((l) => `  ${l}`), ...more];
}

export function renderSummary(s: ImportSummary, lang: Lang): string[] {
  if (s.status === 'dry_run') return [T.dry[lang]];
  const facts = [
    ['orders', s.orders],
    ['order lines', s.orderLines],
    ['events', s.events],
    ['consents', s.consents],
    ['products', s.products],
    ['warranties', s.warranties],
  ]
    .filter(([, n]) => Number(n) > 0)
    .map(([k, n]) => `${k} ${n}`);
  const out = [
    `${T.summary[lang]}: ${T.read[lang]} ${s.rowsRead}, ${T.written[lang]} ${s.rowsWritten}, ${T.rejected[lang]} ${s.rowsRejected}, ${T.created[lang]} ${s.customersCreated}, ${T.merged[lang]} ${s.customersMerged} (${s.seconds}s)`,
  ];
  if (facts.length > 0) out.push(`  ${facts.join(', ')}`);
  out.push(...renderChanges(s, lang));
  if (s.rejectsPath) out.push(`${T.rejects[lang]}: ${s.rejectsPath}`);
  return out;
}

/** Inserted / updated / unchanged customers and orders; a re-import of the same file says so. */
export function renderChanges(s: ImportSummary, lang: Lang): string[] {
  const c = s.changes;
  if (c === undefined) return [];
  const line = (what: 'importCheck.customers' | 'importCheck.orders', n: (typeof c)['orders']) =>
    `  ${translate(lang, 'importCheck.changes', { what: translate(lang, what), ...n })}`;
  const out: string[] = [];
  if (c.customers.inserted + c.customers.updated + c.customers.unchanged > 0)
    out.push(line('importCheck.customers', c.customers));
  if (c.orders.inserted + c.orders.updated + c.orders.unchanged > 0) out.push(line('importCheck.orders', c.orders));
  const news = c.customers.inserted + c.customers.updated + c.orders.inserted + c.orders.updated;
  if (out.length > 0 && news === 0) out.push(`  ${translate(lang, 'importCheck.nothingNew')}`);
  return out;
}

function previewValue(_key: string, v: unknown): unknown {
  if (v && typeof v === 'object' && 'e164' in v) return (v as { e164: string }).e164;
  return v;
}

/** A one-line progress bar for a TTY (`\r`-rewritten). */
export function renderProgress(p: { rowsRead: number; totalBytes: number; bytesRead: number }): string {
  const width = 30;
  const f = p.totalBytes === 0 ? 1 : Math.min(1, p.bytesRead / p.totalBytes);
  const done = Math.round(f * width);
  return `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${Math.round(f * 100)}% ${p.rowsRead.toLocaleString('en-US')} rows`;
}
