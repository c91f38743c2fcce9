// A ClickHouse HTTP endpoint in front of chDB, for the server engine's contract tests where no
// ClickHouse server can run (`node --import tsx chdb-http-server.ts <user> <password>` prints its
// port). Every statement runs on the real ClickHouse engine (chDB); this file only speaks the part
// of the HTTP interface that `@clickhouse/client` uses: POST with the query in the body (or in
// `query=` with the data of an INSERT in the body), `param_<name>` bound parameters, settings as
// URL parameters, basic auth, `/ping`, and errors as HTTP 500 with ClickHouse's `Code: N …` text.
// `database` is applied with USE. What it does not model: `session_id` isolation (chDB has one session, so temporary tables are
// shared by all callers) and settings are applied with SET, so they outlive the request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Session } from 'chdb';

const [user = 'default', password = ''] = process.argv.slice(2);
const session = new Session();
const RESERVED = new Set(['query', 'query_id', 'database', 'session_id', 'role', 'default_format']);

/** Reverses the TSV escaping of a parameter value (as the server does before binding it). */
function unescapeParam(v: string): string | null {
  if (v === '\\N') return null;
  return v.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' })[c] ?? c);
}

/** An array parameter (`['a','it\\'s']`, `[1,2]`) as a JS array, for chDB to bind again. */
function parseArray(text: string): unknown[] {
  const items = text.slice(1, -1).matchAll(/'((?:[^'\\]|\\.)*)'|(-?[\d.]+)|NULL/g);
  return [...items].map((m) => (m[1] !== undefined ? unescapeParam(m[1]) : m[2] !== undefined ? Number(m[2]) : null));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function authorised(req: IncomingMessage): boolean {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const [u, p] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
  return u === user && (p ?? '') === password;
}

function fail(res: ServerResponse, e: unknown): void {
  const text = e instanceof Error ? e.message : String(e);
  const code = /Code: (\d+)/.exec(text)?.[1] ?? '1001';
  res.writeHead(500, { 'Content-Type': 'text/plain', 'X-ClickHouse-Exception-Code': code });
  res.end(/Code: \d+/.test(text) ? text : `Code: ${code}. DB::Exception: ${text} (STD_EXCEPTION)`);
}

function run(url: URL, text: string): string {
  const sql = url.searchParams.has('query') ? `${url.searchParams.get('query')}\n${text}` : text;
  const types = new Map([...sql.matchAll(/\{(\w+):([^}]+)\}/g)].map((m) => [m[1], m[2] ?? '']));
  const params: Record<string, unknown> = {};
  const settings: string[] = [];
  for (const [k, v] of url.searchParams) {
    if (k.startsWith('param_'))
      params[k.slice(6)] = types.get(k.slice(6))?.startsWith('Array(') ? parseArray(v) : unescapeParam(v);
    else if (!RESERVED.has(k)) settings.push(`SET ${k} = '${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`);
  }
  const database = url.searchParams.get('database');
  if (database) settings.push(`USE ${database.replaceAll('`', '')}`);
  if (settings.length) session.query(settings.join('; '), 'CSV');
  return Object.keys(params).length
    ? session.queryBind(sql, params, 'TabSeparated')
    : session.query(sql, 'TabSeparated');
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/ping') {
    res.end('Ok.\n');
    return;
  }
  const text = await body(req);
  if (!authorised(req)) {
    res.writeHead(516, { 'X-ClickHouse-Exception-Code': '516' });
    res.end(`Code: 516. DB::Exception: ${user}: Authentication failed: password is incorrect. (AUTHENTICATION_FAILED)`);
    return;
  }
  try {
    const out = run(url, text);
    const format = /FORMAT\s+(\w+)\s*$/i.exec(text)?.[1];
    res.writeHead(200, {
      'Content-Type': format?.startsWith('JSON') ? 'application/json; charset=UTF-8' : 'text/plain; charset=UTF-8',
      'X-ClickHouse-Query-Id': url.searchParams.get('query_id') ?? '',
      'X-ClickHouse-Summary': '{"read_rows":"0","read_bytes":"0","written_rows":"0","written_bytes":"0"}',
      ...(format ? { 'X-ClickHouse-Format': format } : {}),
    });
    res.end(out);
  } catch (e) {
    fail(res, e);
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
