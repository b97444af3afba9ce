import { describe, expect, it } from 'vitest';
import { sessionTimeProblems } from './validate-times.ts';

const at = (h: number) => new Date(Date.UTC(2030, 0, 1, h));

describe('session time rules', () => {
  it('accepts a sales window that opens before the start and closes by the end', () => {
    expect(
      sessionTimeProblems({ salesOpenAt: at(1), salesCloseAt: at(10), startsAt: at(10), endsAt: at(12) }),
    ).toEqual([]);
  });
  it('refuses an end before the start', () => {
    const p = sessionTimeProblems({
      salesOpenAt: at(1),
      salesCloseAt: at(9),
      startsAt: at(10),
      endsAt: at(9),
    });
    expect(p.map((x) => x.path)).toContain('endsAt');
  });
  it('refuses sales that open after the start', () => {
    const p = sessionTimeProblems({
      salesOpenAt: at(11),
      salesCloseAt: at(12),
      startsAt: at(10),
      endsAt: at(12),
    });
    expect(p.map((x) => x.path)).toContain('salesOpenAt');
  });
  it('refuses sales that close before they open or after the end', () => {
    expect(
      sessionTimeProblems({ salesOpenAt: at(5), salesCloseAt: at(4), startsAt: at(10), endsAt: at(12) }).map(
        (x) => x.path,
      ),
    ).toContain('salesCloseAt');
    expect(
      sessionTimeProblems({ salesOpenAt: at(5), salesCloseAt: at(13), startsAt: at(10), endsAt: at(12) }).map(
        (x) => x.path,
      ),
    ).toContain('salesCloseAt');
  });
});
