import { describe, expect, it } from 'vitest';
import { createMemoryCoordinator } from '../../coord/memory.ts';
import { orderSettlement } from './settlement.ts';

const ORDER = '00000000-0000-4000-8000-000000000001';

function setup() {
  const coord = createMemoryCoordinator();
  const settlement = orderSettlement({
    coord,
    onError: (err) => {
      throw err;
    },
  });
  return { coord, settlement };
}

describe('order settlement hints', () => {
  it('keeps a hint that arrives between listening and waiting', async () => {
    const { settlement } = setup();
    await settlement.start();
    const waiter = settlement.listen(ORDER)!;
    settlement.announce(ORDER);
    expect(await waiter.next(10_000)).toBe(true);
    waiter.close();
    expect(settlement.waiting()).toBe(0);
  });

  it('wakes a waiter from a hint published by another process through the coordinator', async () => {
    const { coord, settlement } = setup();
    await settlement.start();
    const waiter = settlement.listen(ORDER)!;
    const woke = waiter.next(10_000);
    await coord.publish('orders:settled', ORDER);
    expect(await woke).toBe(true);
    waiter.close();
  });

  it('ignores hints about other orders and gives up at the timeout', async () => {
    const { settlement } = setup();
    await settlement.start();
    const waiter = settlement.listen(ORDER)!;
    settlement.announce('00000000-0000-4000-8000-000000000002');
    const t0 = performance.now();
    expect(await waiter.next(50)).toBe(false);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    waiter.close();
  });

  it('stops waiting when the caller aborts', async () => {
    const { settlement } = setup();
    const waiter = settlement.listen(ORDER)!;
    const gone = new AbortController();
    const woke = waiter.next(10_000, gone.signal);
    gone.abort();
    expect(await woke).toBe(false);
    waiter.close();
  });

  it('answers every open wait on shutdown and takes no new ones', async () => {
    const { settlement } = setup();
    await settlement.start();
    const waiter = settlement.listen(ORDER)!;
    const woke = waiter.next(10_000);
    await settlement.stop();
    await woke;
    expect(settlement.isOpen()).toBe(false);
    expect(settlement.listen(ORDER)).toBeNull();
    waiter.close();
    expect(settlement.waiting()).toBe(0);
  });
});
