import { describe, expect, it } from 'vitest';
import { gateDecision } from './gate.ts';

const base = { queueMode: 'scheduled' as const, hasAccess: false, hasHold: false };

describe('the seat map gate', () => {
  it('lets everyone in when the session has no queue', () => {
    expect(gateDecision({ ...base, queueMode: 'off', phase: null })).toBe('open');
    expect(gateDecision({ ...base, queueMode: 'auto', phase: 'off' })).toBe('open');
  });

  it('sends buyers without access to the line while it runs', () => {
    expect(gateDecision({ ...base, phase: 'prequeue' })).toBe('queue');
    expect(gateDecision({ ...base, phase: 'open' })).toBe('queue');
    expect(gateDecision({ ...base, queueMode: 'auto', phase: 'open' })).toBe('queue');
  });

  it('lets in a buyer with access, or with a hold still to pay', () => {
    expect(gateDecision({ ...base, phase: 'open', hasAccess: true })).toBe('open');
    expect(gateDecision({ ...base, phase: 'open', hasHold: true })).toBe('open');
  });

  it('shows the map before the pre-queue opens, with a pointer to it', () => {
    expect(gateDecision({ ...base, phase: 'not-yet' })).toBe('soon');
  });

  it('shows the map once the queue has closed, and when the serving state is unknown', () => {
    expect(gateDecision({ ...base, phase: 'closed' })).toBe('open');
    expect(gateDecision({ ...base, phase: null })).toBe('open');
  });
});
