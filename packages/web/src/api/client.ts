/** One problem in one input value, as the server reports it. */
export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code?: string;
}

/** An error answer of the API: `{ error: { code, message, issues } }` (status 0 = no answer). */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

let apiLang = 'ko';

/** The dashboard's language, sent as `Accept-Language` so the server's error messages come in it. */
export function setApiLang(lang: 'ko' | 'en'): void {
  apiLang = lang;
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever an API call answers 401 (the session ended): the shell shows the login page. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

function parseBody(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text };
  }
}

function failureOf(status: number, json: unknown): ApiFailure {
  const e = (json as { error?: { code?: unknown; message?: unknown; issues?: unknown } }).error;
  const code = typeof e?.code === 'string' ? e.code : `HTTP_${status}`;
  const message = typeof e?.message === 'string' ? e.message : `HTTP ${status}`;
  const issues = Array.isArray(e?.issues) ? (e.issues as ApiIssue[]) : [];
  return new ApiFailure(status, code, message, issues);
}

/**
 * Calls the API on the dashboard's own origin with the session cookie. A body is sent as JSON
 * (`content-type: application/json`, which the server requires for writes). A non-2xx answer
 * throws ApiFailure; a 401 also tells the shell to show the login page.
 */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const hasBody = opts.body !== undefined;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (hasBody ? 'POST' : 'GET'),
      credentials: 'same-origin',
      headers: hasBody
        ? { 'content-type': 'application/json', accept: 'application/json', 'accept-language': apiLang }
        : { accept: 'application/json', 'accept-language': apiLang },
      ...(hasBody ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new ApiFailure(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  const json = parseBody(await res.text());
  if (!res.ok) {
    const failure = failureOf(res.status, json);
    if (res.status === 401 && !path.startsWith('/api/auth/')) for (const l of unauthorizedListeners) l();
    throw failure;
  }
  return json as T;
}

/** GET with query parameters (undefined and '' values are left out). */
export function getJson<T>(
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined>> = {},
  signal?: AbortSignal,
): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return request<T>(qs ? `${path}?${qs}` : path, signal ? { signal } : {});
}

/** POST a JSON body. */
export function postJson<T>(path: string, body: unknown = {}, signal?: AbortSignal): Promise<T> {
  return request<T>(path, signal ? { body, signal } : { body });
}

/** POST a JSON body and receive a file (export downloads); errors as ApiFailure like `request`. */
export async function postForBlob(path: string, body: unknown): Promise<Blob> {
  return (await postForDownload(path, body)).blob;
}

/** POST with a JSON body, the answer as a file with its response headers (counts a route reports). */
export async function postForDownload(path: string, body: unknown): Promise<{ blob: Blob; headers: Headers }> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'accept-language': apiLang },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const failure = failureOf(res.status, parseBody(await res.text()));
    if (res.status === 401) for (const l of unauthorizedListeners) l();
    throw failure;
  }
  return { blob: await res.blob(), headers: res.headers };
}

/** POST a file as the raw body (`application/octet-stream`; the import upload), the answer as JSON. */
export async function postFile<T>(path: string, file: Blob): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json', 'accept-language': apiLang },
      body: file,
    });
  } catch (e) {
    throw new ApiFailure(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  const json = parseBody(await res.text());
  if (!res.ok) {
    const failure = failureOf(res.status, json);
    if (res.status === 401) for (const l of unauthorizedListeners) l();
    throw failure;
  }
  return json as T;
}
