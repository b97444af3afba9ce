import { applySeatDelta, decodeStatuses, type SeatStatus } from '../../seatmap/seatStatus.ts';

type Catalog = { count: number; indexOf: ReadonlyMap<string, number> };

/**
 * Live seat statuses for one session, outside React: the canvas reads the byte array directly and
 * components subscribe to its version. The stream may answer before the plan is downloaded, so the
 * snapshot and later deltas wait until `attach(catalog)` says which index each seat id has.
 */
export function createSeatStatusStore() {
  let catalog: Catalog | null = null;
  let statuses: Uint8Array = new Uint8Array(0);
  let snapshot: string | null = null;
  let pending: { status: SeatStatus; ids: string[] }[] = [];
  let ga: Record<string, number> = {};
  let loaded = false;
  let live = false;
  let version = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    version++;
    for (const l of listeners) l();
  };

  const load = () => {
    if (!catalog || snapshot === null) return;
    statuses = decodeStatuses(snapshot, catalog.count, new Uint8Array(catalog.count));
    for (const d of pending) applySeatDelta(statuses, catalog.indexOf, d.status, d.ids);
    pending = [];
    snapshot = null;
    loaded = true;
  };

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getVersion: () => version,
    /** One byte per seat in plan order (0 free, 1 held, 2 sold, 3 blocked); empty until loaded. */
    get statuses() {
      return statuses;
    },
    get ga(): Readonly<Record<string, number>> {
      return ga;
    },
    /** A snapshot has been applied to the plan. */
    get loaded() {
      return loaded;
    },
    /** The stream is connected (false while reconnecting). */
    get live() {
      return live;
    },
    attach(next: Catalog) {
      if (catalog === next) return;
      catalog = next;
      if (statuses.length !== next.count) statuses = new Uint8Array(next.count);
      load();
      emit();
    },
    setSnapshot(codes: string, areas: Record<string, number>) {
      snapshot = codes;
      pending = [];
      ga = { ...areas };
      load();
      emit();
    },
    /** Returns the indices that changed (empty before the plan is attached). */
    applyDelta(status: SeatStatus, ids: string[]): number[] {
      if (!catalog || snapshot !== null) {
        pending.push({ status, ids });
        return [];
      }
      const changed = applySeatDelta(statuses, catalog.indexOf, status, ids);
      if (changed.length) emit();
      return changed;
    },
    setGa(areas: Record<string, number>) {
      ga = { ...areas };
      emit();
    },
    setLive(value: boolean) {
      if (live === value) return;
      live = value;
      emit();
    },
  };
}

export type SeatStatusStore = ReturnType<typeof createSeatStatusStore>;
