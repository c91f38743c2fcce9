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

  function pushToken(path, body) {
    const url = new URL(path, new URL(endpoint, window.location.href));
    url.search = new URL(endpoint, window.location.href).search; // the same ?key= as the events
    return fetch(url.href, {
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

  const pending = Array.isArray(window.dalbit) ? window.dalbit : [];
  window.dalbit = api;
  api.push = (cmd) => {
    const [name, ...args] = cmd;
    if (typeof api[name] === 'function') api[name](...args);
  };
  if (autoPageView) api.page();
  for (const cmd of pending) api.push(cmd);

  window.addEventListener('pagehide', () => flush(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush(true);
  });
})();
