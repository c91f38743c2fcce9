/*
 * Dalbit tracker — a dependency-free browser snippet (served by `dalbit serve` at /tracker.js).
 *
 *   <script>window.dalbit = window.dalbit || []; dalbit.push(['productView', 'P0001']);</script>
 *   <script async src="https://crm.example.com/tracker.js" data-key="dwk_…"></script>
 *
 * `data-key` is the site's public write key (`dalbit tracker keys`): it may only append events and
 * anonymous ids. `identify` sends an unverified claim; linking a visitor to a customer is done by the
 * shop's server through the signed POST /api/identify (docs/api.md).
 *
 * Events go to POST <origin of this script>/api/events?key=… (override with data-endpoint) in batches:
 * every 2 s, at 20 events, and with navigator.sendBeacon when the page is hidden or left.
 * Bodies are sent as text/plain so no CORS preflight is needed. The visitor id lives in
 * localStorage and a first-party cookie (`dalbit_aid`, 1 year).
 *
 * On-site popups: after the page loads it asks POST /api/onsite/pending for this visitor's popup
 * (at most one; each shown once) and shows it in a shadow root (Korean labels unless <html lang="en">),
 * dismissible by its × button or Escape; `message_opened` / `message_clicked` / `message_closed`
 * events carry the campaign id so the campaign report counts them. Attributes: data-onsite="false"
 * turns popups off, data-onsite-every-hours (default 24, 0 = no gap), data-onsite-color (#hex); the
 * shop's CSS variable --dalbit-popup-font sets the font (default: Korean system fonts).
 */
(() => {
  const KEY = 'dalbit_aid';
  const MAX_BATCH = 20;
  const FLUSH_MS = 2000;
  const script = document.currentScript;
  const base =
    script?.getAttribute('data-endpoint') || (script?.src ? new URL('/api/events', script.src).href : '/api/events');
  const writeKey = script?.getAttribute('data-key') || '';
  const endpoint = `${base}${base.includes('?') ? '&' : '?'}key=${encodeURIComponent(writeKey)}`;
  const autoPageView = !(script && script.getAttribute('data-auto-page-view') === 'false');

  const uuid = () =>
    typeof crypto !== 'undefined' && crypto.randomUUID
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

  function readCookie(name) {
    const m = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
    return m ? decodeURIComponent(m[1]) : null;
  }

  function anonymousId() {
    let id = null;
    try {
      id = window.localStorage.getItem(KEY);
    } catch (_) {}
    id = id || readCookie(KEY) || uuid();
    try {
      window.localStorage.setItem(KEY, id);
    } catch (_) {}
    // biome-ignore lint/suspicious/noDocumentCookie: the cookie is the fallback store of the visitor id when localStorage is blocked
    document.cookie = `${KEY}=${encodeURIComponent(id)}; path=/; max-age=${365 * 86400}; samesite=lax`;
    return id;
  }

  function campaign() {
    const q = new URLSearchParams(window.location.search);
    const utm = {};
    for (const k of ['utm_source', 'utm_medium', 'utm_campaign']) if (q.get(k)) utm[k] = q.get(k).slice(0, 200);
    try {
      if (Object.keys(utm).length) window.sessionStorage.setItem('dalbit_utm', JSON.stringify(utm));
      else return JSON.parse(window.sessionStorage.getItem('dalbit_utm') || '{}');
    } catch (_) {}
    return utm;
  }

  const aid = anonymousId();
  const utm = campaign();
  let queue = [];
  let timer = null;

  function send(events, leaving) {
    const body = JSON.stringify({ events });
    if (leaving && navigator.sendBeacon?.(endpoint, new Blob([body], { type: 'text/plain' }))) return;
    fetch(endpoint, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain' },
      keepalive: true,
      mode: 'cors',
    }).catch(() => {
      // Offline or server down: put the batch back once; event ids make re-sending safe.
      if (!leaving && queue.length < 200) queue = events.concat(queue);
    });
  }

  function flush(leaving) {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    while (queue.length) send(queue.splice(0, MAX_BATCH), leaving === true);
  }

  function track(type, fields) {
    const e = Object.assign(
      { event_id: uuid(), type, occurred_at: new Date().toISOString(), anonymous_id: aid },
      utm,
      fields || {},
    );
    queue.push(e);
    if (queue.length >= MAX_BATCH) flush(false);
    else if (!timer) timer = setTimeout(() => flush(false), FLUSH_MS);
    return e.event_id;
  }

  /** Another Dalbit path on the events endpoint's origin, with the same ?key=. */
  function apiUrl(path) {
    const url = new URL(path, new URL(endpoint, window.location.href));
    url.search = new URL(endpoint, window.location.href).search;
    return url.href;
  }

  function pushToken(path, body) {
    return fetch(apiUrl(path), {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'text/plain' },
      keepalive: true,
      mode: 'cors',
    }).then((r) => r.ok);
  }

  const props = (p) => (p && Object.keys(p).length ? { properties: p } : {});
  const api = {
    anonymousId: () => aid,
    track: (type, properties) => track(type, props(properties)),
    page: (properties) =>
      track(
        'page_view',
        props(
          Object.assign(
            { path: window.location.pathname, title: document.title, referrer: document.referrer || undefined },
            properties,
          ),
        ),
      ),
    productView: (productId, properties) =>
      track('product_view', Object.assign({ product_id: String(productId) }, props(properties))),
    addToCart: (productId, properties) =>
      track('add_to_cart', Object.assign({ product_id: String(productId) }, props(properties))),
    search: (query, properties) => track('search', props(Object.assign({ query: String(query) }, properties))),
    /** Says who this visitor claims to be ({ memberId } and/or { phone }): stored unverified, never merges customers. */
    identify: (who) => {
      const f = {};
      if (who?.memberId) f.member_id = String(who.memberId);
      if (who?.phone) f.phone = String(who.phone);
      const id = track('identify', f);
      flush(false);
      return id;
    },
    flush: () => flush(false),
    /** Registers this device's push token (FCM registration token or web-push endpoint) for the visitor. */
    registerPush: (token, platform) =>
      pushToken('/api/push/tokens', { token: String(token), anonymous_id: aid, platform: platform || 'web' }),
    /** Removes a push token (notifications turned off). */
    unregisterPush: (token) => pushToken('/api/push/tokens/remove', { token: String(token) }),
  };

  // On-site popups (campaign channel "onsite"): asked for once per page load, after the page is
  // usable, never more often than data-onsite-every-hours (default 24; 0 = every page). Text is set
  // with textContent only, inside a shadow root so the shop's CSS neither breaks nor is broken by it.
  const attr = (name, fallback) => script?.getAttribute(name) ?? fallback;
  const onsite = {
    off: attr('data-onsite', 'true') === 'false',
    gapMs: Math.max(0, Number(attr('data-onsite-every-hours', '24')) || 0) * 3600000,
    color: /^#[0-9a-fA-F]{3,8}$/.test(attr('data-onsite-color', '')) ? attr('data-onsite-color', '') : '#3b4cca',
    lastKey: 'dalbit_onsite_last',
  };
  const english = /^en\b/i.test(document.documentElement.lang || '');
  const LABEL = english ? { close: 'Close', open: 'See more' } : { close: '닫기', open: '자세히 보기' };

  function onsiteDue() {
    try {
      const last = Number(window.localStorage.getItem(onsite.lastKey) || 0);
      return !(last && onsite.gapMs > 0 && Date.now() - last < onsite.gapMs);
    } catch (_) {
      return true;
    }
  }

  const POPUP_CSS = (color) => `
    :host { all: initial; }
    .box { position: fixed; z-index: 2147483000; right: 24px; bottom: 24px; box-sizing: border-box;
      width: min(360px, calc(100vw - 32px)); padding: 20px 20px 16px; border-radius: 14px; background: #fff;
      color: #1f2330; box-shadow: 0 12px 40px rgba(20, 24, 40, .25); border-top: 6px solid ${color};
      font: 15px/1.55 var(--dalbit-popup-font, "Noto Sans KR", "Noto Sans KR Variable", "Apple SD Gothic Neo",
        "Malgun Gothic", system-ui, sans-serif); }
    .box:focus { outline: none; }
    .title { margin: 0 32px 6px 0; font-size: 17px; font-weight: 700; }
    .body { margin: 0 0 14px; white-space: pre-line; word-break: keep-all; }
    .close { position: absolute; top: 10px; right: 10px; width: 32px; height: 32px; border: 0; border-radius: 16px;
      background: transparent; color: #555; font-size: 22px; line-height: 1; cursor: pointer; }
    .close:hover, .close:focus-visible { background: #f0f1f5; outline: 2px solid ${color}; }
    .cta { display: block; text-align: center; padding: 11px 14px; border-radius: 10px; background: ${color};
      color: #fff; font-weight: 700; text-decoration: none; }
    .cta:focus-visible { outline: 3px solid #1f2330; outline-offset: 2px; }
    @media (max-width: 480px) { .box { right: 16px; left: 16px; bottom: 16px; width: auto; } }`;

  function node(tag, cls, text) {
    const n = document.createElement(tag);
    n.className = cls;
    if (text !== undefined) n.textContent = String(text);
    return n;
  }

  function showPopup(m) {
    const props = { campaign_id: m.campaign_id || undefined, onsite_id: m.id };
    const host = document.createElement('div');
    host.setAttribute('data-dalbit-popup', m.id);
    const root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    const style = document.createElement('style');
    style.textContent = POPUP_CSS(onsite.color);
    const box = node('div', 'box');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'false');
    box.setAttribute('aria-labelledby', 'dalbit-popup-title');
    box.tabIndex = -1;
    const title = node('h2', 'title', m.title);
    title.id = 'dalbit-popup-title';
    const close = node('button', 'close', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', LABEL.close);
    box.append(close, title, node('p', 'body', m.body));
    let done = false;
    const dismiss = (type) => {
      if (done) return;
      done = true;
      host.remove();
      document.removeEventListener('keydown', onKey);
      track(type, { properties: props });
      flush(type === 'message_clicked');
    };
    const onKey = (e) => {
      if (e.key === 'Escape') dismiss('message_closed');
    };
    close.addEventListener('click', () => dismiss('message_closed'));
    document.addEventListener('keydown', onKey);
    if (m.url) {
      const a = node('a', 'cta', LABEL.open);
      a.href = m.url;
      a.addEventListener('click', () => dismiss('message_clicked'));
      box.append(a);
    }
    root.append(style, box);
    document.body.appendChild(host);
    box.focus({ preventScroll: true });
    try {
      window.localStorage.setItem(onsite.lastKey, String(Date.now()));
    } catch (_) {}
    track('message_opened', { properties: props });
    flush(false);
  }

  function checkOnsite() {
    if (onsite.off || !onsiteDue() || !document.body) return;
    fetch(apiUrl('/api/onsite/pending'), {
      method: 'POST',
      body: JSON.stringify({ anonymous_id: aid }),
      headers: { 'content-type': 'text/plain' },
      mode: 'cors',
    })
      .then((r) => (r.ok ? r.json() : { messages: [] }))
      .then((b) => {
        const m = b && Array.isArray(b.messages) ? b.messages[0] : undefined;
        if (m && typeof m.title === 'string' && typeof m.body === 'string') showPopup(m);
      })
      .catch(() => {});
  }

  const pending = Array.isArray(window.dalbit) ? window.dalbit : [];
  window.dalbit = api;
  api.push = (cmd) => {
    const [name, ...args] = cmd;
    if (typeof api[name] === 'function') api[name](...args);
  };
  if (autoPageView) api.page();
  for (const cmd of pending) api.push(cmd);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', checkOnsite);
  else setTimeout(checkOnsite, 0);

  window.addEventListener('pagehide', () => flush(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush(true);
  });
})();
