import { demoCinemaSpec } from '@ticketing/seatmap';
import { type ProceduralValues, valuesFromSpec } from './proceduralValues.ts';

/** A new procedural layout starts as the 12 × 20 demo cinema: easier to adjust than to start blank. */
export const newProceduralValues = (): ProceduralValues => valuesFromSpec(demoCinemaSpec(), 'Screen 1');
