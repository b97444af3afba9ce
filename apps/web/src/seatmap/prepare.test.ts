import { demoCinema, type Plan } from '@ticketing/seatmap';
import { describe, expect, it } from 'vitest';
import { preparePlan } from './prepare.ts';

describe('preparing a plan for drawing', () => {
  it('groups seats by category colour and counts them for the legend', () => {
    const p = preparePlan(demoCinema());
    expect(p.capacity).toBe(240);
    expect(p.layers.map((l) => [l.key, l.xy.length / 2])).toEqual([
      ['standard', 140],
      ['premium', 100],
    ]);
    expect(p.legend.map((e) => [e.label, e.seats])).toEqual([
      ['Standard', 140],
      ['Premium', 100],
    ]);
    expect(p.accessibleSeats).toBe(4);
    // Seat pitch of the procedural generator is 32 plan units.
    expect(p.seatRadius).toBeCloseTo(32 * 0.4);
    expect(p.rowLabels).toHaveLength(24);
  });

  it('shows seats of an unknown category in grey under their key, and counts standing places', () => {
    const plan: Plan = {
      version: 1,
      kind: 'svg',
      width: 100,
      height: 100,
      categories: [{ key: 'floor', label: 'Floor', color: '#0072b2' }],
      sections: [
        {
          id: 's',
          label: 'S',
          rows: [{ label: 'A', seats: [{ id: 'a1', label: '1', x: 5, y: 5, category: 'x' }] }],
        },
      ],
      gaAreas: [
        {
          id: 'pit',
          label: 'Pit',
          polygon: [
            [0, 50],
            [50, 50],
            [50, 90],
          ],
          capacity: 300,
          category: 'floor',
        },
      ],
      focalPoint: { x: 50, y: 0 },
    };
    const p = preparePlan(plan);
    expect(p.legend).toEqual([
      { key: 'floor', label: 'Floor', color: '#0072b2', seats: 0, standing: 300 },
      { key: 'x', label: 'x', color: '#9a98a8', seats: 1, standing: 0 },
    ]);
    expect(p.capacity).toBe(301);
  });
});
