import { type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { ApiFailure, type ApiIssue } from './client.ts';

const HANGUL = /[\uac00-\ud7a3]/;

function keyOf(e: ApiFailure): MessageKey {
  if (e.status === 0) return 'shell.error.network';
  if (e.status === 401) return 'shell.error.unauthenticated';
  if (e.status === 403) return 'shell.error.forbidden';
  if (e.status === 404) return 'shell.error.notFound';
  if (e.status === 429) return 'shell.error.rateLimited';
  if (e.status === 400 || e.status === 422) return 'shell.error.validation';
  if (e.status >= 500) return 'shell.error.server';
  return 'shell.error.generic';
}

/**
 * What the person reads for a failed call: the server's own message when it is in the UI language
 * (the server writes Korean for most errors), else the catalog text for the status.
 */
export function errorText(e: unknown, lang: Lang): string {
  if (!(e instanceof ApiFailure)) return translate(lang, 'shell.error.generic');
  const serverSaysKorean = HANGUL.test(e.message);
  if (lang === 'ko' ? serverSaysKorean : !serverSaysKorean && e.status !== 0 && e.status < 500) {
    return e.message;
  }
  return translate(lang, keyOf(e));
}

/** One issue as "where: what" (where = the field path without the body/query prefix). */
export function issueText(issue: ApiIssue): string {
  const path = issue.path.filter((p) => p !== 'body' && p !== 'query' && p !== 'params').join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
