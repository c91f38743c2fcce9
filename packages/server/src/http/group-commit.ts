interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (o: O) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Group commit: submissions that arrive while a write is running are written together by the next
 * one (one transaction, one DELETE and one append per table for all of them), so throughput grows
 * with load instead of queueing one transaction per request. Each submitter gets its own result.
 * When a group fails, its items are retried one by one, so one bad item fails alone.
 * @example const submit = createGroupCommit((batches) => writeTrackerBatches(engine, batches)); await submit(batch)
 */
export function createGroupCommit<I, O>(
  writeAll: (items: readonly I[]) => Promise<readonly O[]>,
  maxItems = 200,
): (item: I) => Promise<O> {
  const pending: Pending<I, O>[] = [];
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
      while (pending.length > 0) await writeGroup(pending.splice(0, maxItems));
    } finally {
      running = false;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
