import { demoCinemaSpec, generateProceduralPlan, validateProceduralSpec } from '@ticketing/seatmap';
import { describe, expect, it } from 'vitest';
import { formatNumberList, parseNumberList, specFromValues, valuesFromSpec } from './proceduralValues.ts';

describe('procedural layout form values', () => {
  it('round-trips the demo cinema through the form without changing the plan', () => {
    const values = valuesFromSpec(demoCinemaSpec(), 'Screen 1');
    expect(values.wheelchair).toEqual([{ row: 'M', seats: '1, 2, 19, 20' }]);
    const { spec, problems } = specFromValues(values);
    expect(problems).toEqual([]);
    expect(validateProceduralSpec(spec)).toEqual([]);
    expect(generateProceduralPlan(spec)).toEqual(generateProceduralPlan(demoCinemaSpec()));
  });

  it('reads seat lists with ranges, and names what it cannot read', () => {
    expect(parseNumberList('1, 2 5-7', 'Aisles')).toEqual({ numbers: [1, 2, 5, 6, 7], problems: [] });
    expect(parseNumberList('3, x1', 'Aisles').problems).toEqual(['Aisles: ‘x1’ is not a seat number']);
    expect(formatNumberList([7, 1, 2, 3, 5, 6])).toBe('1-3, 5-7');
  });

  it('upper-cases letter row names and groups missing seats by row', () => {
    const values = valuesFromSpec(demoCinemaSpec(), 'Screen 1');
    values.missing = [{ row: 'c', seats: '1-2' }];
    values.categories[0]!.from = 'a';
    const { spec } = specFromValues(values);
    expect(spec.missing).toEqual([
      { row: 'C', seat: 1 },
      { row: 'C', seat: 2 },
    ]);
    expect(spec.categories[0]!.rows).toEqual(['A', 'G']);
    expect(valuesFromSpec(spec, 'x').missing).toEqual([{ row: 'C', seats: '1, 2' }]);
  });

  it('turns an empty number into a problem the generator names, not a zero', () => {
    const values = valuesFromSpec(demoCinemaSpec(), 'Screen 1');
    values.rows = '';
    expect(validateProceduralSpec(specFromValues(values).spec)).toContain('rows must be between 1 and 100');
  });
});
