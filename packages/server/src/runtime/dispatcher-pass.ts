import { createDispatcher, type DispatchOptions, type DispatchSummary } from '../dispatch/dispatcher.ts';
import type { Engine } from '../engines/engine.ts';
import type { PassResult } from './run-loop.ts';

function describe(s: DispatchSummary, ko: boolean): string {
  return ko
    ? `발송 ${s.claimed}건: 접수 ${s.accepted} (중복 확인 ${s.duplicates}) · 재시도 ${s.retried} · 실패 ${s.failed} · 확인 필요 ${s.inDoubt} · 취소 ${s.cancelled} · 대체발송 대기 ${s.fallbacksQueued}`
    : `sent ${s.claimed}: accepted ${s.accepted} (already had ${s.duplicates}) · retry ${s.retried} · failed ${s.failed} · in doubt ${s.inDoubt} · cancelled ${s.cancelled} · fallbacks queued ${s.fallbacksQueued}`;
}

/**
 * One dispatcher pass (claim → send → record, 0008). A pass that sent something asks for the
 * next at once; an idle pass reports nothing and the loop waits its interval.
 */
export function createDispatcherPass(
  engine: Engine,
  opts: DispatchOptions & { ko: boolean },
): () => Promise<PassResult> {
  const dispatcher = createDispatcher(engine, opts);
  return async () => {
    const s = await dispatcher.pass();
    return s.claimed > 0 ? { line: describe(s, opts.ko), again: true } : {};
  };
}
