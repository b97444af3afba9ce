import type { SessionDetail } from '@ticketing/contracts';
import { describe, expect, it } from 'vitest';
import { salesStateAt } from './salesState.ts';

const session = (salesState: SessionDetail['salesState']) =>
  ({
    salesState,
    salesOpenAt: '2026-12-01T10:00:00Z',
    salesCloseAt: '2026-12-10T20:00:00Z',
  }) as SessionDetail;

describe('sales state now', () => {
  it('opens a cached "not yet" once the opening time has passed', () => {
    expect(salesStateAt(session('not-yet'), Date.parse('2026-12-01T09:59:59Z'))).toBe('not-yet');
    expect(salesStateAt(session('not-yet'), Date.parse('2026-12-01T10:00:00Z'))).toBe('open');
    expect(salesStateAt(session('not-yet'), Date.parse('2026-12-11T00:00:00Z'))).toBe('not-yet');
  });

  it('keeps every other state as the server said', () => {
    const late = Date.parse('2026-12-05T00:00:00Z');
    expect(salesStateAt(session('sold-out'), late)).toBe('sold-out');
    expect(salesStateAt(session('closed'), late)).toBe('closed');
    expect(salesStateAt(session('open'), Date.parse('2026-11-01T00:00:00Z'))).toBe('open');
  });
});
