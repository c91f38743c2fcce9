/**
 * Runs engine work one request at a time. The embedded DuckDB engine has a single connection, and
 * a transaction opened by one request (event ingest) must not swallow another request's queries.
 */
export function createEngineLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
