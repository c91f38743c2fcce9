import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { createDispatcher, type DispatchOptions, type DispatchSummary } from '../dispatch/dispatcher.ts';
import type { Engine } from '../engines/engine.ts';
import type { PassResult } from './run-loop.ts';

function describe(s: DispatchSummary, lang: Lang): string {
  const { claimed, accepted, duplicates, retried, failed, inDoubt, cancelled, fallbacksQueued } = s;
  return translate(lang, 'runtime.dispatcherPass', {
    claimed,
    accepted,
    duplicates,
    retried,
    failed,
    inDoubt,
    cancelled,
    fallbacksQueued,
  });
}

/**
 * One dispatcher pass (claim → send → record, 0008). A pass that sent something asks for the
 * next at once; an idle pass reports nothing and the loop waits its interval.
 */
export function createDispatcherPass(
  engine: Engine,
  opts: DispatchOptions & { lang: Lang },
): () => Promise<PassResult> {
  const dispatcher = createDispatcher(engine, opts);
  return async () => {
    const s = await dispatcher.pass();
    return s.claimed > 0 ? { line: describe(s, opts.lang), again: true } : {};
  };
}
