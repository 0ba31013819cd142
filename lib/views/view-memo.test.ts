import { describe, expect, it } from 'vitest';
import { ViewMemo } from './view-memo';

/** A computation the test finishes by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ViewMemo', () => {
  it('computes once per revision for every caller (single-flight)', async () => {
    let now = 0;
    const memo = new ViewMemo(() => now);
    let computed = 0;
    const compute = () => Promise.resolve(++computed);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => memo.get('k', 'r1', compute)),
    );
    expect(answers).toEqual([1, 1, 1, 1, 1]);
    now = 100;
    expect(await memo.get('k', 'r2', compute)).toBe(2);
    expect(computed).toBe(2);
  });

  it('answers a request at once with the view finished within reuseWithinMs, computing the new revision behind it', async () => {
    let now = 0;
    const memo = new ViewMemo(() => now);
    expect(await memo.get('k', 'r1', () => Promise.resolve('v1'), { reuseWithinMs: 1_000 })).toBe(
      'v1',
    );
    now = 300;
    const next = deferred<string>();
    let started = 0;
    const compute = () => (started++, next.promise);
    // Ten requests after a change: all answered with v1, one computation of r2 begun.
    for (let i = 0; i < 10; i++)
      expect(await memo.get('k', 'r2', compute, { reuseWithinMs: 1_000 })).toBe('v1');
    expect(started).toBe(1);
    // A live stream wants r2 itself: it joins that computation.
    const live = memo.get('k', 'r2', compute);
    next.resolve('v2');
    expect(await live).toBe('v2');
    expect(await memo.get('k', 'r2', compute, { reuseWithinMs: 1_000 })).toBe('v2');
    expect(started).toBe(1);
  });

  it('lets requests join a running computation though the revision moved on (a first sync)', async () => {
    let now = 0;
    const memo = new ViewMemo(() => now);
    const first = deferred<string>();
    let started = 0;
    const compute = () => (started++, first.promise);
    const asks = ['r1', 'r2', 'r3'].map((r) => memo.get('k', r, compute, { reuseWithinMs: 1_000 }));
    now = 5_000;
    asks.push(memo.get('k', 'r4', compute, { reuseWithinMs: 1_000 }));
    first.resolve('v');
    expect(await Promise.all(asks)).toEqual(['v', 'v', 'v', 'v']);
    expect(started).toBe(1);
  });

  it('answers a costly view longer and paces its recomputation to a third of the time', async () => {
    let now = 0;
    const memo = new ViewMemo(() => now);
    const slow = deferred<string>();
    const first = memo.get('k', 'r1', () => slow.promise, { reuseWithinMs: 1_000 });
    now = 600; // the computation took 600 ms
    slow.resolve('v1');
    await first;
    let started = 0;
    const compute = () => (started++, Promise.resolve('v2'));
    now = 1_000; // 400 ms after it finished: too soon to begin another, v1 answered
    expect(await memo.get('k', 'r2', compute, { reuseWithinMs: 1_000 })).toBe('v1');
    expect(started).toBe(0);
    now = 1_800; // 1,200 ms after (twice its cost): the next begins behind the answer
    expect(await memo.get('k', 'r2', compute, { reuseWithinMs: 1_000 })).toBe('v1');
    expect(started).toBe(1);
  });

  it('waits for a new computation once the last finished view is older than reuseWithinMs', async () => {
    let now = 0;
    const memo = new ViewMemo(() => now);
    await memo.get('k', 'r1', () => Promise.resolve('v1'), { reuseWithinMs: 1_000 });
    now = 1_000;
    expect(await memo.get('k', 'r2', () => Promise.resolve('v2'), { reuseWithinMs: 1_000 })).toBe(
      'v2',
    );
  });

  it('serves one revision for at most 2 s, and forgets a failed computation', async () => {
    let now = 0;
    const memo = new ViewMemo(() => now);
    let computed = 0;
    const compute = () => Promise.resolve(++computed);
    await memo.get('k', 'r1', compute);
    now = 1_999;
    expect(await memo.get('k', 'r1', compute)).toBe(1);
    now = 2_000;
    expect(await memo.get('k', 'r1', compute)).toBe(2);
    await expect(memo.get('k', 'r2', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await memo.get('k', 'r2', compute)).toBe(3);
  });

  it('answers a request after a quiet spell with the finished view, recomputing behind it', async () => {
    let now = 0;
    const memo = new ViewMemo(() => now);
    await memo.get('k', 'r1', () => Promise.resolve('v1'), { reuseWithinMs: 3_000 });
    now = 2_500; // nobody asked for 2.5 s: the view's clocks are old, its data is not
    const next = deferred<string>();
    let started = 0;
    const compute = () => (started++, next.promise);
    expect(await memo.get('k', 'r1', compute, { reuseWithinMs: 3_000 })).toBe('v1');
    expect(started).toBe(1);
    next.resolve('v2');
    await next.promise;
    now = 2_600;
    expect(await memo.get('k', 'r1', compute, { reuseWithinMs: 3_000 })).toBe('v2');
    // A key nobody asks for is forgotten after 30 s: the next request waits for its computation.
    now = 40_000;
    expect(await memo.get('k', 'r1', () => Promise.resolve('v3'), { reuseWithinMs: 3_000 })).toBe(
      'v3',
    );
  });

  it('does not let a slow older computation replace a newer finished view', async () => {
    let now = 0;
    const memo = new ViewMemo(() => now);
    const slow = deferred<string>();
    const first = memo.get('k', 'r1', () => slow.promise);
    now = 10;
    expect(await memo.get('k', 'r2', () => Promise.resolve('v2'))).toBe('v2');
    now = 20;
    slow.resolve('v1');
    await first;
    expect(await memo.get('k', 'r3', () => Promise.resolve('v3'), { reuseWithinMs: 1_000 })).toBe(
      'v2',
    );
  });
});
