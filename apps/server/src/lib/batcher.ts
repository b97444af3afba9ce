/**
 * Smart batching: calls to `submit` that arrive while `maxInFlight` batches are already running
 * wait and go out together in the next one, up to `maxBatch` items. When nothing is running, an
 * item leaves at the end of the current event-loop turn (with whatever else arrived in that
 * turn), so a quiet system adds no waiting and a busy one pays a batch's fixed costs once for
 * many items. Each item settles with its own answer; a batch that fails rejects its items.
 */
export type Batcher<I, O> = {
  submit(item: I): Promise<O>;
  /** Items waiting and batches running, for tests and metrics. */
  readonly waiting: number;
  readonly inFlight: number;
};

type Waiter<I, O> = { item: I; resolve: (o: O) => void; reject: (err: unknown) => void };

export function batcher<I, O>(
  /** Runs one batch; must answer exactly one result per item, in the same order. */
  execute: (items: I[]) => Promise<O[]>,
  options: { maxBatch: number; maxInFlight: number },
): Batcher<I, O> {
  const { maxBatch, maxInFlight } = options;
  if (!(maxBatch >= 1 && maxInFlight >= 1)) throw new RangeError('maxBatch and maxInFlight must be ≥ 1');
  let queue: Waiter<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule() {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  }

  function flush() {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight++;
      run(batch);
    }
  }

  async function run(batch: Waiter<I, O>[]) {
    try {
      const results = await execute(batch.map((w) => w.item));
      if (results.length !== batch.length)
        throw new Error(`batch of ${batch.length} answered ${results.length} results`);
      for (let i = 0; i < batch.length; i++) batch[i]!.resolve(results[i]!);
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      inFlight--;
      // What queued up while this batch ran leaves now, without waiting for another turn.
      if (queue.length > 0 && !scheduled) flush();
    }
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    get waiting() {
      return queue.length;
    },
    get inFlight() {
      return inFlight;
    },
  };
}
