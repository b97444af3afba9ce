import { describe, expect, it } from 'vitest';
import { countNarrowing, parseFilters, toEventsQuery, withFilters } from './searchFilters.ts';

const parse = (qs: string) => parseFilters(new URLSearchParams(qs));

describe('search filters', () => {
  it('sends only the filters that are set, with prices in cents', () => {
    const f = parse('q=dune&type=movie&city=Paris&from=2026-12-01&to=2026-12-24&min=9.5&max=20');
    expect(toEventsQuery(f, 12)).toEqual({
      q: 'dune',
      type: 'movie',
      city: 'Paris',
      from: '2026-12-01',
      to: '2026-12-24',
      priceMin: 950,
      priceMax: 2000,
      sort: 'relevance',
      page: 1,
      pageSize: 12,
    });
    expect(toEventsQuery(parse(''), 12)).toEqual({ sort: 'date', page: 1, pageSize: 12 });
  });

  it('drops malformed values from a hand-edited URL instead of sending them to the API', () => {
    const f = parse('type=Not a type&from=tomorrow&to=2026-13-45&min=-5&max=abc&sort=best&page=0');
    expect(toEventsQuery(f, 12)).toEqual({ sort: 'date', page: 1, pageSize: 12 });
  });

  it('reads a range typed backwards as the same range', () => {
    const q = toEventsQuery(parse('from=2026-12-24&to=2026-12-01&min=50&max=10'), 12);
    expect(q).toMatchObject({ from: '2026-12-01', to: '2026-12-24', priceMin: 1000, priceMax: 5000 });
  });

  it('keeps the sort the user chose over the default', () => {
    expect(toEventsQuery(parse('q=jazz&sort=price'), 12).sort).toBe('price');
    expect(toEventsQuery(parse('sort=popularity'), 12).sort).toBe('popularity');
  });

  it('goes back to page 1 when a filter changes, and drops cleared filters from the URL', () => {
    const params = new URLSearchParams('q=rock&city=Madrid&page=3');
    expect(withFilters(params, { city: '' }).toString()).toBe('q=rock');
    expect(withFilters(params, { page: '4' }).toString()).toBe('q=rock&city=Madrid&page=4');
    expect(withFilters(params, { page: '1' }).toString()).toBe('q=rock&city=Madrid');
  });

  it('counts the filters that narrow the results, not the text or the sort', () => {
    expect(countNarrowing(parse('q=x&sort=price&type=movie&city=Paris&min=5'))).toBe(3);
  });
});
