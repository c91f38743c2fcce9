import { MESSAGES, type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { PreviewCell } from '../../api/imports.ts';
import { formatKst, formatNumber, formatWon } from '../../format.ts';
import { channelName, termName } from '../../i18n.ts';

const has = (key: string): key is MessageKey => Object.hasOwn(MESSAGES, key);

/** 네이버 스마트스토어 주문 for `smartstore_orders`; the raw kind only if the catalog lacks it. */
export function sourceLabel(kind: string, lang: Lang): string {
  const key = `imports.source.${kind}`;
  return has(key) ? translate(lang, key) : kind;
}

/** The Dalbit name of a canonical field (`buyer_phone` → 구매자 휴대폰). */
export function fieldName(field: string, lang: Lang): string {
  const key = `imports.field.${field}`;
  return has(key) ? translate(lang, key) : field;
}

/** How the file was read: the workbook, or the text encoding (CP949 said the way people know it). */
export function encodingLabel(format: string, encoding: string | undefined, lang: Lang): string {
  const key = format === 'xlsx' ? 'imports.encoding.xlsx' : `imports.encoding.${encoding ?? 'utf-8'}`;
  return has(key) ? translate(lang, key) : (encoding ?? format);
}

const GENDER: Record<string, { ko: string; en: string }> = {
  F: { ko: '여성', en: 'female' },
  M: { ko: '남성', en: 'male' },
};

/** A preview cell as the person knows it: KST minutes, 원, 예/아니오, channel and status names. */
export function formatCell(field: string, cell: PreviewCell | undefined, lang: Lang): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'date':
      return formatKst(cell.v);
    case 'money':
      return formatWon(cell.v, lang);
    case 'number':
      return formatNumber(cell.v);
    case 'flag':
      return translate(lang, cell.v ? 'imports.flag.yes' : 'imports.flag.no');
    case 'text':
      if (field === 'status') return termName(cell.v, lang);
      if (field === 'channel' || field === 'order_place') return channelName(cell.v, lang);
      if (field === 'gender') return GENDER[cell.v]?.[lang] ?? cell.v;
      return cell.v;
  }
}

/** `user:kim@brand.kr` → kim@brand.kr; no actor = the command line. */
export function actorLabel(actor: string | null, lang: Lang): string {
  if (actor === null) return translate(lang, 'imports.whoCli');
  const colon = actor.indexOf(':');
  return colon >= 0 ? actor.slice(colon + 1) : actor;
}

/** The base name of a recorded path (CLI imports record the whole path). */
export const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** 1.2 MB, 830 KB. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
