import type { Plan } from '../plan.ts';
import { generateProceduralPlan } from '../procedural.ts';
import type { ProceduralSpec } from '../procedural-spec.ts';

/** A 12 × 20 cinema: centre aisle after seat 10, wheelchair spaces at both ends of the back row. */
export function demoCinemaSpec(): ProceduralSpec {
  return {
    rows: 12,
    seatsPerRow: 20,
    aisles: [10],
    wheelchair: [{ row: 'M', seats: [1, 2, 19, 20] }],
    rowLabels: { scheme: 'letters', skip: ['I', 'O'] },
    numbering: 'left-to-right',
    categories: [
      { key: 'standard', label: 'Standard', color: '#0072b2', rows: ['A', 'G'] },
      { key: 'premium', label: 'Premium', color: '#e69f00', rows: ['H', 'M'] },
    ],
    screenAt: 'top',
  };
}

export function demoCinema(): Plan {
  return generateProceduralPlan(demoCinemaSpec());
}
