/**
 * One resource used by one task at a time, tasks in arrival order: the writer connection. A task
 * that fails does not stop the ones behind it.
 */
export class WriterQueue<R> {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(readonly resource: R) {}

  get waiting(): number {
    return this.queued;
  }

  run<T>(fn: (r: R) => Promise<T>): Promise<T> {
    this.queued++;
    const start = () => {
      this.queued--;
      return fn(this.resource);
    };
    const run = this.tail.then(start, start);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every task queued so far has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }
}

/** Up to `size` resources created on demand; a task waits (FIFO) when all are in use. */
export class ConnectionPool<R> {
  private readonly idle: R[] = [];
  private readonly all: R[] = [];
  private readonly waiters: ((r: R) => void)[] = [];
  private busy = 0;
  private creating = 0;

  constructor(
    private readonly size: number,
    private readonly create: () => Promise<R>,
  ) {}

  state(): { readersBusy: number; readersWaiting: number } {
    return { readersBusy: this.busy, readersWaiting: this.waiters.length };
  }

  async use<T>(fn: (r: R) => Promise<T>): Promise<T> {
    const r = await this.acquire();
    try {
      return await fn(r);
    } finally {
      this.release(r);
    }
  }

  private async acquire(): Promise<R> {
    this.busy++;
    const free = this.idle.pop();
    if (free !== undefined) return free;
    if (this.all.length + this.creating < this.size) {
      this.creating++;
      try {
        const r = await this.create();
        this.all.push(r);
        return r;
      } catch (e) {
        this.busy--;
        throw e;
      } finally {
        this.creating--;
      }
    }
    return new Promise<R>((resolve) => this.waiters.push(resolve));
  }

  private release(r: R): void {
    this.busy--;
    const next = this.waiters.shift();
    if (next) next(r);
    else this.idle.push(r);
  }

  /** Waits until no resource is in use and returns them all (for closing). */
  async drain(): Promise<readonly R[]> {
    while (this.busy > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    return this.all;
  }
}
