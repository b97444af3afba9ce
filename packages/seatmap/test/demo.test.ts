import { describe, expect, test } from 'vitest';
import {
  categoriesInUse,
  demoCinema,
  demoConcertHall,
  demoStadiumSvg,
  importSvgPlan,
  pickBestAvailable,
  planSeats,
  prepareBestAvailable,
  validatePlan,
} from '../src/index.ts';

describe('demo cinema', () => {
  const plan = demoCinema();
  const rows = plan.sections[0]?.rows ?? [];

  test('has 12 rows of 20 seats with a centre aisle after seat 10', () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.seats.length === 20)).toBe(true);
    expect(
      rows.every(
        (r) =>
          r.seats
            .filter((s) => s.breakBefore)
            .map((s) => s.label)
            .join() === '11',
      ),
    ).toBe(true);
  });

  test('has wheelchair spaces with companion seats in the back row', () => {
    const back = rows[11]?.seats ?? [];
    expect(back.filter((s) => s.accessible).map((s) => s.label)).toEqual(['1', '2', '19', '20']);
    expect(back.filter((s) => s.companion).map((s) => s.label)).toEqual(['3', '18']);
    expect(planSeats(plan).filter((s) => s.accessible)).toHaveLength(4);
  });

  test('sells standard front rows and premium back rows', () => {
    expect(categoriesInUse(plan)).toEqual(['standard', 'premium']);
    expect(rows[0]?.seats[0]?.category).toBe('standard');
    expect(rows[11]?.seats[0]?.category).toBe('premium');
  });
});

describe('demo concert hall', () => {
  const plan = demoConcertHall();

  test('has stalls and a balcony with 1,500–2,500 seats in several categories', () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.sections.map((s) => s.id)).toEqual(['stalls', 'balcony']);
    const seats = planSeats(plan).length;
    expect(seats).toBeGreaterThanOrEqual(1_500);
    expect(seats).toBeLessThanOrEqual(2_500);
    expect(categoriesInUse(plan)).toEqual(['premium', 'a', 'b', 'c']);
  });

  test('has aisles that split rows and seats inside the drawing', () => {
    const middle = plan.sections[0]?.rows[10]?.seats ?? [];
    expect(middle.filter((s) => s.breakBefore)).toHaveLength(2);
    expect(planSeats(plan).every((s) => s.x > 0 && s.x < plan.width && s.y > 0 && s.y < plan.height)).toBe(
      true,
    );
    expect(planSeats(plan).some((s) => s.accessible)).toBe(true);
  });
});

describe('demo stadium SVG', () => {
  test('is generated quickly, deterministically and compactly', () => {
    const started = performance.now();
    const svg = demoStadiumSvg();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(demoStadiumSvg()).toBe(svg);
    expect(svg.length).toBeLessThan(6 * 1024 * 1024);
    expect(svg).not.toMatch(/>\s+</);
  });

  test('imports into a plan of at least 60,000 seats in at least 24 sections, in reasonable time', () => {
    const svg = demoStadiumSvg();
    const started = performance.now();
    const { plan, warnings, sectionsWithoutCategory } = importSvgPlan(svg);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3_000);
    expect(warnings).toEqual([]);
    expect(sectionsWithoutCategory).toEqual([]);
    expect(validatePlan(plan)).toEqual([]);
    expect(planSeats(plan).length).toBeGreaterThanOrEqual(60_000);
    expect(plan.sections.length).toBeGreaterThanOrEqual(24);
    expect(plan.sections.every((s) => (s.polygon?.length ?? 0) >= 4 && s.rows.length >= 25)).toBe(true);
    expect(plan.categories.map((c) => c.key)).toEqual(['cat1', 'cat2', 'cat3', 'cat4']);
    expect(plan.background).not.toContain('data-seat-id');
    // The pitch centre is the focal point.
    expect(plan.focalPoint).toEqual({ x: plan.width / 2, y: plan.height / 2 });

    const prepared = prepareBestAvailable(plan);
    const seats = pickBestAvailable(prepared, () => true, { category: 'cat1', quantity: 4 });
    expect(seats).toHaveLength(4);
    // Front row of a long side, next to the halfway line.
    expect(seats?.every((id) => /^10[23]-1-/.test(id))).toBe(true);
  });
});
