import type { Engine } from '../engines/engine.ts';
import type { EngineLock } from './dispatcher.ts';

/**
 * The same engine with every call queued behind `lock`, for code that runs outside the
 * dispatcher's critical sections (the on-site adapter writes during a send).
 */
export function lockEngine(engine: Engine, lock: EngineLock): Engine {
  return {
    dialect: engine.dialect,
    exec: (s) => lock(() => engine.exec(s)),
    query: (q) => lock(() => engine.query(q)),
    insert: (t, c, r) => lock(() => engine.insert(t, c, r)),
    transaction: (fn) => lock(() => engine.transaction(fn)),
    close: () => engine.close(),
  } as Engine;
}
