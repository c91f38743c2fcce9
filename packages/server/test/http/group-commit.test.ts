import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/http/group-commit.ts';

/** A writer whose writes finish only when the test says so. */
function heldWriter() {
  const groups: number[][] = [];
  const releases: (() => void)[] = [];
  const writeAll = (items: readonly number[]) =>
    new Promise<number[]>((resolve) => {
      groups.push([...items]);
      releases.push(() => resolve(items.map((i) => i * 10)));
    });
  return { groups, writeAll, releaseNext: () => releases.shift()?.() };
}

describe('createGroupCommit', () => {
  it('writes what arrived during a write as one group, each caller getting its own result', async () => {
    const w = heldWriter();
    const submit = createGroupCommit(w.writeAll);
    const all = [1, 2, 3, 4].map((i) => submit(i));
    expect(w.groups).toEqual([[1]]);
    w.releaseNext();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(w.groups).toEqual([[1], [2, 3, 4]]);
    w.releaseNext();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40]);
  });

  it('refuses at once, with the given error, a submission that would pass the queue bound', async () => {
    const w = heldWriter();
    const full = new Error('full');
    const submit = createGroupCommit(w.writeAll, { maxPending: 5, sizeOf: (i) => i, onFull: () => full });
    const first = submit(4); // written at once: the queue is empty again
    const second = submit(3); // waits (3 of 5)
    const third = submit(2); // waits (5 of 5)
    await expect(submit(1)).rejects.toBe(full); // 6 > 5
    w.releaseNext();
    await new Promise((r) => setImmediate(r));
    expect(w.groups).toEqual([[4], [3, 2]]);
    const fourth = submit(1); // the queue has room again
    w.releaseNext();
    await new Promise((r) => setImmediate(r));
    w.releaseNext();
    expect(await Promise.all([first, second, third, fourth])).toEqual([40, 30, 20, 10]);
  });
});
