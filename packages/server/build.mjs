// Compiles the CLI and server (TypeScript in src/ and @dalbit/core) to plain JavaScript in dist/,
// so `dalbit` starts without compiling anything. Run by the root `npm install` (prepare) and by
// bin/dalbit.js when dist/ is missing or older than the sources. Plain JavaScript on purpose: it
// must run before anything is compiled. See docs/decisions/ (build step) for why esbuild.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = dirname(fileURLToPath(import.meta.url));
export const DIST = join(SERVER, 'dist');
export const ENTRY = join(DIST, 'main.js');
const STAMP = join(DIST, 'build-stamp.json');
/** Everything the bundle is made of; a newer file (or a changed directory) means rebuild. */
const INPUTS = [join(SERVER, 'src'), join(SERVER, '..', 'core', 'src'), fileURLToPath(import.meta.url)];
/**
 * Packages with native code (or that find files next to themselves) stay outside the bundle and
 * are loaded from node_modules; every other dependency is bundled, which spares Node parsing
 * hundreds of small CommonJS files at each start.
 */
const EXTERNAL = ['@duckdb/node-bindings', 'chdb', '@node-rs/argon2', 'esbuild'];
const isExternal = (spec) => EXTERNAL.some((p) => spec === p || spec.startsWith(`${p}/`) || spec.startsWith(`${p}-`));

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

const inputsMtime = () => Math.max(...INPUTS.filter((p) => existsSync(p)).map(newestMtime));

/** True when dist/ is missing or was built from older sources than those on disk. */
export function isStale() {
  if (!existsSync(ENTRY) || !existsSync(join(DIST, 'fit-worker.js')) || !existsSync(STAMP)) return true;
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).inputsMtime < inputsMtime();
  } catch {
    return true;
  }
}

/** Writes `data` to `file` via a temporary name, so a concurrent reader sees the old or the new file. */
function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Chunks of earlier builds that this one no longer uses (kept a while for processes still starting). */
function removeOldChunks(keep) {
  const chunks = join(DIST, 'chunks');
  if (!existsSync(chunks)) return;
  const cutoff = Date.now() - 10 * 60_000;
  for (const f of readdirSync(chunks)) {
    const p = join(chunks, f);
    if (!keep.has(p) && statSync(p).mtimeMs < cutoff) unlinkSync(p);
  }
}

/**
 * Builds dist/: main.js plus one chunk per lazily imported module group. Safe when several processes
 * build at once: chunk names carry a content hash and every file is replaced atomically, the entry last.
 */
export async function build() {
  const mtime = inputsMtime();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    // The fit worker (model fits off the event loop) is its own entry: workers load a file.
    entryPoints: {
      main: join(SERVER, 'src', 'cli', 'main.ts'),
      'fit-worker': join(SERVER, 'src', 'workers', 'fit-worker.ts'),
    },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    minify: true,
    keepNames: true,
    write: false,
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); give every output file one.
    banner: {
      js: "import { createRequire as __dalbitRequire } from 'node:module'; const require = __dalbitRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'dalbit-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) => (isExternal(a.path) ? { path: a.path, external: true } : undefined));
        },
      },
    ],
  });
  mkdirSync(join(DIST, 'chunks'), { recursive: true });
  const entries = result.outputFiles.filter((f) => dirname(f.path) === DIST);
  const chunks = result.outputFiles.filter((f) => dirname(f.path) !== DIST);
  for (const f of chunks) if (!existsSync(f.path)) writeAtomic(f.path, f.contents);
  for (const f of entries) writeAtomic(f.path, f.contents);
  writeAtomic(STAMP, `${JSON.stringify({ inputsMtime: mtime, builtAt: new Date().toISOString() })}\n`);
  removeOldChunks(new Set(chunks.map((f) => f.path)));
  return { files: result.outputFiles.length, entry: basename(ENTRY) };
}

/** Builds when stale; returns the entry to import. */
export async function ensureBuilt() {
  if (isStale()) {
    try {
      await build();
    } catch (e) {
      // Without esbuild (an install without dev tools) an existing build still runs.
      if (!existsSync(ENTRY)) throw e;
    }
  }
  return ENTRY;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const r = await build();
  process.stdout.write(`dalbit: built ${r.files} files in dist/ (${Math.round(performance.now() - t0)} ms)\n`);
}
