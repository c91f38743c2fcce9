import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type LinkChannel,
  UNSUBSCRIBE_LINK_DAYS,
  verifyUnsubscribeToken,
} from '@dalbit/core/compliance/unsubscribe-token';
import { type MessageKey, type MessageParams, translate } from '@dalbit/core/i18n/catalog';
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { appendConsents } from '../consent/consent-store.ts';
import type { Engine } from '../engines/engine.ts';
import { findCustomer } from '../identity/find-customer.ts';

/** Korean first, English below; no script, no inline style (works under a strict CSP). */
/**
 * The dashboard build's stylesheets (they carry the bundled Noto Sans KR), so the page reads in
 * Korean on machines without a Korean font; none when the dashboard is not built.
 */
export function dashboardStylesheets(webRoot: string | undefined): string[] {
  const index = webRoot === undefined ? undefined : join(webRoot, 'index.html');
  if (index === undefined || !existsSync(index)) return [];
  return [...readFileSync(index, 'utf8').matchAll(/<link[^>]*rel="stylesheet"[^>]*href="(\/[^"]+\.css)"/g)].map(
    (m) => m[1] as string,
  );
}

function page(
  c: Context,
  stylesheets: readonly string[],
  status: ContentfulStatusCode,
  key: MessageKey,
  params: (lang: 'ko' | 'en') => MessageParams,
  form?: string,
) {
  const ko = translate('ko', key, params('ko'));
  const en = translate('en', key, params('en'));
  const body = html`<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${translate('ko', 'unsubscribe.title')}</title>${stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">`)}</head>
<body><main><h1>${translate('ko', 'unsubscribe.title')}</h1><p>${ko}</p><p lang="en">${en}</p>${
    form === undefined
      ? ''
      : html`<form method="post" action="${form}"><button type="submit">${translate('ko', 'unsubscribe.button')} / ${translate('en', 'unsubscribe.button')}</button></form>`
  }</main></body></html>`;
  return c.html(body, status, { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
}

const channelParams =
  (channel: LinkChannel) =>
  (lang: 'ko' | 'en'): MessageParams => ({ channel: translate(lang, `unsubscribe.channel.${channel}`) });
const none = (): MessageParams => ({});

/**
 * Dalbit's unsubscribe page: `GET /u/<token>` asks (mail scanners that follow links change
 * nothing), `POST /u/<token>` — the button, or a mail client's RFC 8058 one-click — withdraws the
 * customer's advertising consent on that channel. The token is signed and expires
 * (core/compliance/unsubscribe-token.ts); a tampered or expired one gets a Korean page and records nothing.
 */
export function createUnsubscribeApp(deps: {
  engine: Engine;
  now: () => Date;
  /** The brand secret (coupon secret) the scheduler signed the links with. */
  linkSecret: string;
  /** Stylesheets to link (the dashboard's, for its Korean font). */
  stylesheets?: readonly string[];
}): Hono {
  const app = new Hono();
  const css = deps.stylesheets ?? [];
  const verify = (c: Context) =>
    verifyUnsubscribeToken(c.req.param('token') ?? '', { secret: deps.linkSecret, now: deps.now() });
  const refuse = (c: Context, reason: 'malformed' | 'bad_signature' | 'expired') =>
    reason === 'expired'
      ? page(c, css, 410, 'unsubscribe.expired', () => ({ days: UNSUBSCRIBE_LINK_DAYS }))
      : page(c, css, 400, 'unsubscribe.invalid', none);
  app.get('/u/:token', (c) => {
    const v = verify(c);
    if (!v.ok) return refuse(c, v.reason);
    return page(c, css, 200, 'unsubscribe.confirm', channelParams(v.channel), c.req.path);
  });
  app.post('/u/:token', async (c) => {
    const v = verify(c);
    if (!v.ok) return refuse(c, v.reason);
    const at = deps.now();
    // One writer transaction: the customer looked up is the one whose consent is withdrawn.
    const found = await deps.engine.transaction(async (tx) => {
      const who = await findCustomer(tx, v.customerId);
      if (!who.found) return false;
      const proof = JSON.stringify({ link: 'unsubscribe', linkCustomerId: v.customerId, expiresAt: v.expiresAt });
      await appendConsents(
        tx,
        (['ad', 'night_ad'] as const).map((purpose) => ({
          customerId: who.customerId,
          channel: v.channel,
          purpose,
          granted: false,
          at,
          source: 'unsubscribe-link',
          proof,
        })),
      );
      return true;
    });
    if (!found) return page(c, css, 404, 'unsubscribe.unknown', none);
    return page(c, css, 200, 'unsubscribe.done', channelParams(v.channel));
  });
  return app;
}
