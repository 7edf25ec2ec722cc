import { describe, expect, it } from 'vitest';
import { createGroupCommitter } from './group-commit.ts';

describe('group commit', () => {
  it('writes concurrent submissions together and answers each with its own outcome', async () => {
    const groups: number[][] = [];
    const gc = createGroupCommitter<number, string>({
      write: async (items) => {
        groups.push(items);
        return items.map((i) => (i === 3 ? new Error('three is refused') : `ok ${i}`));
      },
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => gc.submit(i)));
    expect(groups).toEqual([[1, 2, 3, 4]]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['ok 1', 'ok 2', 'three is refused', 'ok 4']);
  });

  it('splits a failing group so that one poisoned item fails alone', async () => {
    const calls: number[][] = [];
    const gc = createGroupCommitter<number, number>({
      write: async (items) => {
        calls.push(items);
        if (items.includes(2)) throw new Error('constraint violated');
        return items.map((i) => i * 10);
      },
    });
    const results = await Promise.allSettled([1, 2, 3].map((i) => gc.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 10 });
    expect(calls).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('keeps groups within maxBatch and collects arrivals while a group is written', async () => {
    const sizes: number[] = [];
    const gc = createGroupCommitter<number, number>({
      maxBatch: 3,
      write: async (items) => {
        sizes.push(items.length);
        await new Promise((r) => setTimeout(r, 5));
        return items;
      },
    });
    const all = Array.from({ length: 8 }, (_, i) => gc.submit(i));
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(sizes).toEqual([3, 3, 2]);
    await gc.drain();
  });
});
