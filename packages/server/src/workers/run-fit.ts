import { Worker } from 'node:worker_threads';
import { ClvError } from '@dalbit/core/analytics/clv/clv-error';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';
import type { FitInput, FitOutput, FitTaskName } from './fit-tasks.ts';
import type { FitRequest, FitResponse, SentError } from './fit-worker.ts';

/**
 * Runs the CPU-heavy model fits (FIT_TASKS) in one worker thread, so the HTTP API, ingest and the
 * scheduler keep answering while a refresh fits CLV, traits or rules. The worker starts on first
 * use, takes tasks in order, and does not keep the process alive while idle. From the compiled
 * build it is dist/fit-worker.js; from the TypeScript sources (tests, benches) fit-worker.ts
 * loaded through tsx.
 */
let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

function startWorker(): Worker {
  const here = import.meta.url;
  const w = here.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./fit-worker.ts', here).href)}); });`,
        { eval: true },
      )
    : // Bundled: this code sits in dist/main.js or in a chunk under dist/chunks/.
      new Worker(new URL(here.includes('/chunks/') ? '../fit-worker.js' : './fit-worker.js', here));
  w.on('message', (res: FitResponse) => {
    const p = pending.get(res.id);
    if (!p) return;
    pending.delete(res.id);
    if (pending.size === 0) w.unref();
    if (res.ok) p.resolve(res.value);
    else p.reject(fromSent(res.error));
  });
  const fail = (e: unknown) => {
    if (worker === w) worker = undefined;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the fit worker stopped (exit code ${code})`)));
  return w;
}

function fromSent(e: SentError): Error {
  const cause = { workerStack: e.stack };
  if (e.name === 'ClvError' && e.code) return new ClvError(e.code as never, e.message, { cause });
  if (e.code && e.kind) return new DalbitError({ code: e.code, kind: e.kind as ErrorKind, message: e.message, cause });
  const err = new Error(e.message, { cause });
  err.name = e.name;
  return err;
}

/** Runs `task` on `input` in the fit worker; `transfer` lists buffers moved (not copied) there. */
export function runFit<K extends FitTaskName>(
  task: K,
  input: FitInput<K>,
  transfer: readonly ArrayBufferLike[] = [],
): Promise<FitOutput<K>> {
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  return new Promise<FitOutput<K>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.ref();
    w.postMessage({ id, task, input } satisfies FitRequest, transfer as ArrayBuffer[]);
  });
}

/**
 * Starts the fit worker ahead of the first fit (a server calls this at start), so no request pays
 * for loading it. It does not keep the process alive while idle.
 */
export function warmFitWorker(): void {
  worker ??= startWorker();
  if (pending.size === 0) worker.unref();
}

/** Fits posted to the worker and not answered yet (tests: the API answers while one runs). */
export function fitsRunning(): number {
  return pending.size;
}

/** Stops the worker (it restarts on the next fit); pending fits are rejected. */
export async function stopFitWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
