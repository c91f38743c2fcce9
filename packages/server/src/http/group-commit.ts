interface Pending<I, O> {
  readonly item: I;
  readonly size: number;
  readonly resolve: (o: O) => void;
  readonly reject: (e: unknown) => void;
}

export interface GroupCommitOptions<I> {
  /** Most items written by one group (one transaction). */
  readonly maxItems?: number;
  /**
   * Bound on the work waiting for a write, in `sizeOf` units (e.g. events): a submission that would
   * pass it is refused at once by `onFull` (backpressure), so memory and latency stay bounded
   * whatever the load. Default: unbounded.
   */
  readonly maxPending?: number;
  readonly sizeOf?: (item: I) => number;
  /** The error a refused submission rejects with (e.g. 503 with Retry-After). */
  readonly onFull?: () => unknown;
}

/**
 * Group commit: submissions that arrive while a write is running are written together by the next
 * one (one transaction, one DELETE and one append per table for all of them), so throughput grows
 * with load instead of queueing one transaction per request. Each submitter gets its own result.
 * When a group fails, its items are retried one by one, so one bad item fails alone. The queue is
 * bounded (`maxPending`): beyond it submissions are refused instead of waiting without end.
 * @example const submit = createGroupCommit((batches) => writeTrackerBatches(engine, batches)); await submit(batch)
 */
export function createGroupCommit<I, O>(
  writeAll: (items: readonly I[]) => Promise<readonly O[]>,
  options: GroupCommitOptions<I> = {},
): (item: I) => Promise<O> {
  const { maxItems = 200, maxPending = Number.POSITIVE_INFINITY, sizeOf = () => 1 } = options;
  const pending: Pending<I, O>[] = [];
  let queued = 0;
  let running = false;

  async function writeGroup(group: readonly Pending<I, O>[]): Promise<void> {
    try {
      const out = await writeAll(group.map((p) => p.item));
      group.forEach((p, i) => {
        p.resolve(out[i] as O);
      });
    } catch (e) {
      if (group.length === 1) return (group[0] as Pending<I, O>).reject(e);
      for (const p of group) await writeGroup([p]);
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (pending.length > 0) {
        const group = pending.splice(0, maxItems);
        for (const p of group) queued -= p.size;
        await writeGroup(group);
      }
    } finally {
      running = false;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      const size = sizeOf(item);
      if (queued > 0 && queued + size > maxPending) {
        reject(options.onFull ? options.onFull() : new Error('group commit queue is full'));
        return;
      }
      pending.push({ item, size, resolve, reject });
      queued += size;
      if (!running) void drain();
    });
}
