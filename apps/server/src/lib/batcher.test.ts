import { describe, expect, it } from 'vitest';
import { batcher } from './batcher.ts';

/** An execute function whose batches finish only when the test says so. */
function gatedExecute() {
  const batches: { items: number[]; finish: (fail?: Error) => void }[] = [];
  const execute = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({ items, finish: (fail) => (fail ? reject(fail) : resolve(items.map((i) => `r${i}`))) });
    });
  return { batches, execute };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('batcher', () => {
  it('sends an item at once when nothing is running, together with what arrived in the same turn', async () => {
    const { batches, execute } = gatedExecute();
    const b = batcher(execute, { maxBatch: 10, maxInFlight: 1 });
    const answers = [b.submit(1), b.submit(2)];
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[1, 2]]);
    batches[0]!.finish();
    expect(await Promise.all(answers)).toEqual(['r1', 'r2']);
  });

  it('collects what arrives while a batch runs into the next one, in order, up to maxBatch', async () => {
    const { batches, execute } = gatedExecute();
    const b = batcher(execute, { maxBatch: 3, maxInFlight: 1 });
    const first = b.submit(0);
    await turn();
    const later = [1, 2, 3, 4, 5].map((i) => b.submit(i));
    await turn();
    expect(batches).toHaveLength(1); // still waiting for the first batch
    expect(b.waiting).toBe(5);
    batches[0]!.finish();
    await first;
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[0], [1, 2, 3]]);
    batches[1]!.finish();
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[0], [1, 2, 3], [4, 5]]);
    batches[2]!.finish();
    expect(await Promise.all(later)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(b.inFlight).toBe(0);
  });

  it('runs up to maxInFlight batches side by side', async () => {
    const { batches, execute } = gatedExecute();
    const b = batcher(execute, { maxBatch: 1, maxInFlight: 2 });
    const answers = [1, 2, 3].map((i) => b.submit(i));
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[1], [2]]);
    expect(b.inFlight).toBe(2);
    batches[1]!.finish();
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[1], [2], [3]]);
    batches[0]!.finish();
    batches[2]!.finish();
    expect(await Promise.all(answers)).toEqual(['r1', 'r2', 'r3']);
  });

  it('rejects every item of a failed batch and goes on with the next', async () => {
    const { batches, execute } = gatedExecute();
    const b = batcher(execute, { maxBatch: 10, maxInFlight: 1 });
    const failed = [b.submit(1), b.submit(2)].map((p) => p.catch((e: Error) => e.message));
    await turn();
    const next = b.submit(3);
    batches[0]!.finish(new Error('database gone'));
    expect(await Promise.all(failed)).toEqual(['database gone', 'database gone']);
    await turn();
    batches[1]!.finish();
    expect(await next).toBe('r3');
  });

  it('rejects a batch whose answer does not have one result per item', async () => {
    const b = batcher(async (items: number[]) => items.slice(1), { maxBatch: 10, maxInFlight: 1 });
    const answers = [b.submit(1), b.submit(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(answers)).toEqual([
      'batch of 2 answered 1 results',
      'batch of 2 answered 1 results',
    ]);
  });

  it('refuses sizes below one', () => {
    expect(() => batcher(async (x: number[]) => x, { maxBatch: 0, maxInFlight: 1 })).toThrow(RangeError);
  });
});
