import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkOrphanRule, leavesOrphan, type Plan, type Seat, wouldCreateOrphans } from '../src/index.ts';

/** A row from a pattern: `.` free, `x` taken, `|` aisle before the next seat. Ids are 1-based numbers. */
function row(pattern: string): { seats: Seat[]; taken: Set<string> } {
  const seats: Seat[] = [];
  const taken = new Set<string>();
  let aisle = false;
  for (const ch of pattern) {
    if (ch === '|') {
      aisle = true;
      continue;
    }
    const id = String(seats.length + 1);
    seats.push({
      id,
      label: id,
      x: seats.length * 10,
      y: 0,
      category: 'a',
      ...(aisle ? { breakBefore: true } : {}),
    });
    if (ch === 'x') taken.add(id);
    aisle = false;
  }
  return { seats, taken };
}

function planOf(...patterns: string[]): { plan: Plan; isAvailable: (id: string) => boolean } {
  const taken = new Set<string>();
  const rows = patterns.map((pattern, r) => {
    const built = row(pattern);
    for (const id of built.taken) taken.add(`${r}:${id}`);
    return { label: String(r + 1), seats: built.seats.map((s) => ({ ...s, id: `${r}:${s.id}` })) };
  });
  const plan: Plan = {
    version: 1,
    kind: 'procedural',
    width: 100,
    height: 100,
    focalPoint: { x: 0, y: 0 },
    categories: [{ key: 'a', label: 'A', color: '#000' }],
    sections: [{ id: 'm', label: 'M', rows }],
    gaAreas: [],
  };
  return { plan, isAvailable: (id) => !taken.has(id) };
}

describe('leavesOrphan', () => {
  test('flags a single free seat left between the choice and a taken seat', () => {
    const { seats, taken } = row('x.....');
    expect(leavesOrphan(seats, taken, ['3', '4'])).toBe(true);
    expect(leavesOrphan(seats, taken, ['2', '3'])).toBe(false);
  });

  test('treats the row end and an aisle as walls', () => {
    const { seats, taken } = row('...|...');
    expect(leavesOrphan(seats, taken, ['2', '3'])).toBe(true); // seat 1 alone at the row end
    expect(leavesOrphan(seats, taken, ['1', '2'])).toBe(true); // seat 3 alone against the aisle
    expect(leavesOrphan(seats, taken, ['4', '5', '6'])).toBe(false);
  });

  test('flags a free seat left between two chosen seats', () => {
    const { seats, taken } = row('.....');
    expect(leavesOrphan(seats, taken, ['1', '3'])).toBe(true);
  });

  test('ignores a seat that was already alone before the choice', () => {
    const { seats, taken } = row('.x....');
    expect(leavesOrphan(seats, taken, ['3', '4'])).toBe(false);
  });
});

describe('wouldCreateOrphans and the flexible rule', () => {
  test('names the seats a manual pick would leave alone', () => {
    const { plan, isAvailable } = planOf('x.....', '......');
    expect(wouldCreateOrphans(plan, isAvailable, ['0:3', '0:4'])).toEqual(['0:2']);
    expect(wouldCreateOrphans(plan, isAvailable, ['1:2', '1:4'])).toEqual(['1:1', '1:3']);
    expect(wouldCreateOrphans(plan, isAvailable, ['1:1', '1:2'])).toEqual([]);
  });

  test('refuses an orphan when another block of the same size avoids it', () => {
    const { plan, isAvailable } = planOf('x....x');
    expect(checkOrphanRule(plan, isAvailable, ['0:3', '0:4'])).toEqual({
      ok: false,
      orphans: ['0:2', '0:5'],
    });
    expect(checkOrphanRule(plan, isAvailable, ['0:2', '0:3'])).toEqual({ ok: true, orphans: [] });
  });

  test('allows an orphan that no block of the same size can avoid', () => {
    // Three free seats, two wanted: every choice leaves one alone (Spektrix's strict-mode trap).
    const { plan, isAvailable } = planOf('x...x');
    expect(checkOrphanRule(plan, isAvailable, ['0:2', '0:3'])).toEqual({ ok: true, orphans: ['0:4'] });
  });

  test('property: a pick that creates no orphans always passes the flexible rule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('.', 'x', '|'), { minLength: 1, maxLength: 14 }),
        fc.array(fc.nat(13), { maxLength: 4 }),
        (chars, picks) => {
          const { plan, isAvailable } = planOf(chars.join(''));
          const seats = plan.sections[0]?.rows[0]?.seats ?? [];
          const chosen = [
            ...new Set(picks.map((i) => seats[i]?.id).filter((id): id is string => id !== undefined)),
          ].filter(isAvailable);
          const orphans = wouldCreateOrphans(plan, isAvailable, chosen);
          const taken = new Set(seats.filter((s) => !isAvailable(s.id)).map((s) => s.id));
          expect(orphans.length > 0).toBe(leavesOrphan(seats, taken, chosen));
          if (orphans.length === 0) expect(checkOrphanRule(plan, isAvailable, chosen).ok).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
