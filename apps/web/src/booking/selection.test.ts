import { describe, expect, it } from 'vitest';
import { dropUnavailable, seatIdsOf, toggleSeat, trimSelection } from './selection.ts';

describe('picking seats', () => {
  it('adds seats up to the number of tickets, then refuses more', () => {
    let r = toggleSeat([], 'a', 2);
    expect(r).toEqual({ kind: 'added', selected: ['a'] });
    r = toggleSeat(r.selected, 'b', 2);
    expect(r).toEqual({ kind: 'added', selected: ['a', 'b'] });
    expect(toggleSeat(r.selected, 'c', 2)).toEqual({ kind: 'full', selected: ['a', 'b'] });
  });

  it('removes a seat clicked again', () => {
    expect(toggleSeat(['a', 'b'], 'a', 2)).toEqual({ kind: 'removed', selected: ['b'] });
  });

  it('moves a single ticket to the newly clicked seat', () => {
    expect(toggleSeat(['a'], 'b', 1)).toEqual({ kind: 'moved', selected: ['b'], from: 'a' });
  });

  it('keeps the first seats picked when the number of tickets goes down', () => {
    expect(trimSelection(['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
  });

  it('drops seats someone else just took', () => {
    expect(dropUnavailable(['a', 'b', 'c'], (id) => id !== 'b')).toEqual({
      kept: ['a', 'c'],
      dropped: ['b'],
    });
  });

  it('reads the taken seats of a refused hold, ignoring anything that is not a seat id', () => {
    expect(seatIdsOf(['a', 2, 'b', null])).toEqual(['a', 'b']);
    expect(seatIdsOf(undefined)).toEqual([]);
    expect(seatIdsOf('a')).toEqual([]);
  });
});
