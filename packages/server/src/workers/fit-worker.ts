// Entry of the fit worker thread (bundled as dist/fit-worker.js, see build.mjs): runs one task of
// FIT_TASKS per message, in arrival order, and answers with its result or its error.
import { parentPort } from 'node:worker_threads';
import { isDalbitError } from '@dalbit/core/errors/dalbit-error';
import { FIT_TASKS, type FitTaskName } from './fit-tasks.ts';

export interface FitRequest {
  readonly id: number;
  readonly task: FitTaskName;
  readonly input: unknown;
}

/** An error as it crosses the thread boundary (a DalbitError keeps its name, code and kind). */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly kind?: string;
  readonly stack?: string | undefined;
}

export type FitResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SentError };

function toSent(e: unknown): SentError {
  if (isDalbitError(e)) return { name: e.name, message: e.message, code: e.code, kind: e.kind, stack: e.stack };
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e) };
}

const port = parentPort;
if (port) {
  port.on('message', (req: FitRequest) => {
    let res: FitResponse;
    try {
      res = { id: req.id, ok: true, value: (FIT_TASKS[req.task] as (i: unknown) => unknown)(req.input) };
    } catch (e) {
      res = { id: req.id, ok: false, error: toSent(e) };
    }
    port.postMessage(res);
  });
}
