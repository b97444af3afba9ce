/**
 * Flat, typed-array view of a plan for the hot paths (best available, orphan checks): built once per
 * plan and reused for every call. Plans are treated as immutable; a changed plan is a new object.
 * Seats are numbered in plan order (section, row, seat), so a row's seats are consecutive numbers.
 */
import type { Plan } from './plan.ts';

export class PreparedPlan {
  readonly seatCount: number;
  /** Seat number → id. */
  readonly ids: string[];
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Category code per seat; codes index `categoryKeys`. */
  readonly category: Uint32Array;
  readonly categoryKeys: string[] = [];
  readonly categoryCode = new Map<string, number>();
  readonly section: Uint32Array;
  readonly sectionIds: string[];
  readonly sectionFocalX: Float64Array;
  readonly sectionFocalY: Float64Array;
  /** Distance of each seat to its section's focal point (or the plan's). */
  readonly distance: Float64Array;
  /** A run is a maximal stretch of adjacent seats in a row: seats [runStart[r], runEnd[r]). */
  readonly runOf: Uint32Array;
  readonly runStart: Uint32Array;
  readonly runEnd: Uint32Array;
  /** Runs holding at least one seat of the category, by category code. */
  readonly runsByCategory: Uint32Array[];
  private byId: Map<string, number> | undefined;
  private readonly nearestCache: (Uint32Array | undefined)[] = [];

  constructor(readonly plan: Plan) {
    let n = 0;
    for (const section of plan.sections) for (const row of section.rows) n += row.seats.length;
    this.seatCount = n;
    this.ids = new Array(n);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.category = new Uint32Array(n);
    this.section = new Uint32Array(n);
    this.distance = new Float64Array(n);
    this.runOf = new Uint32Array(n);
    this.sectionIds = plan.sections.map((s) => s.id);
    this.sectionFocalX = Float64Array.from(plan.sections, (s) => (s.focalPoint ?? plan.focalPoint).x);
    this.sectionFocalY = Float64Array.from(plan.sections, (s) => (s.focalPoint ?? plan.focalPoint).y);

    const runStarts: number[] = [];
    const runLists: number[][] = [];
    let i = 0;
    plan.sections.forEach((sec, s) => {
      const fx = this.sectionFocalX[s] ?? 0;
      const fy = this.sectionFocalY[s] ?? 0;
      for (const row of sec.rows) {
        row.seats.forEach((seat, k) => {
          if (k === 0 || seat.breakBefore) runStarts.push(i);
          const run = runStarts.length - 1;
          let code = this.categoryCode.get(seat.category);
          if (code === undefined) {
            code = this.categoryKeys.length;
            this.categoryKeys.push(seat.category);
            this.categoryCode.set(seat.category, code);
            runLists.push([]);
          }
          const runs = runLists[code];
          if (runs && runs[runs.length - 1] !== run) runs.push(run);
          this.ids[i] = seat.id;
          this.x[i] = seat.x;
          this.y[i] = seat.y;
          this.category[i] = code;
          this.section[i] = s;
          this.runOf[i] = run;
          const dx = seat.x - fx;
          const dy = seat.y - fy;
          this.distance[i] = Math.sqrt(dx * dx + dy * dy);
          i++;
        });
      }
    });
    this.runStart = Uint32Array.from(runStarts);
    this.runEnd = Uint32Array.from(runStarts, (_, r) => runStarts[r + 1] ?? n);
    this.runsByCategory = runLists.map((list) => Uint32Array.from(list));
  }

  /** Seat number of an id (first occurrence), built on first use. */
  indexOf(id: string): number | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (let i = this.seatCount - 1; i >= 0; i--) this.byId.set(this.ids[i] ?? '', i);
    }
    return this.byId.get(id);
  }

  /** Seats of a category sorted by distance to their focal point (ties: plan order), built on first use. */
  nearest(code: number): Uint32Array {
    let list = this.nearestCache[code];
    if (!list) {
      const seats: number[] = [];
      for (let i = 0; i < this.seatCount; i++) if (this.category[i] === code) seats.push(i);
      const d = this.distance;
      list = Uint32Array.from(seats.sort((a, b) => (d[a] ?? 0) - (d[b] ?? 0) || a - b));
      this.nearestCache[code] = list;
    }
    return list;
  }
}

const cache = new WeakMap<Plan, PreparedPlan>();

/** Returns the prepared view of a plan, building it on first use (cached per plan object). */
export function preparePlan(plan: Plan | PreparedPlan): PreparedPlan {
  if (plan instanceof PreparedPlan) return plan;
  let prepared = cache.get(plan);
  if (!prepared) {
    prepared = new PreparedPlan(plan);
    cache.set(plan, prepared);
  }
  return prepared;
}

/**
 * Availability memo for one call: asks `isAvailable` at most once per seat, and only for seats the
 * algorithm looks at.
 */
export class AvailabilityProbe {
  private readonly state: Uint8Array;
  constructor(
    private readonly prepared: PreparedPlan,
    private readonly isAvailable: (seatId: string) => boolean,
  ) {
    this.state = new Uint8Array(prepared.seatCount);
  }

  free(i: number): boolean {
    const known = this.state[i];
    if (known) return known === 1;
    const free = this.isAvailable(this.prepared.ids[i] ?? '') === true;
    this.state[i] = free ? 1 : 2;
    return free;
  }
}
