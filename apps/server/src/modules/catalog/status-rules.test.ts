import { describe, expect, it } from 'vitest';
import { canChangeStatus } from './status-rules.ts';

describe('event status rules', () => {
  it('publishes a draft and later cancels or ends it', () => {
    expect(canChangeStatus('draft', 'published')).toBe(true);
    expect(canChangeStatus('published', 'cancelled')).toBe(true);
    expect(canChangeStatus('published', 'ended')).toBe(true);
  });
  it('never brings a cancelled or ended event back', () => {
    expect(canChangeStatus('cancelled', 'published')).toBe(false);
    expect(canChangeStatus('ended', 'draft')).toBe(false);
  });
  it('does not unpublish to draft', () => {
    expect(canChangeStatus('published', 'draft')).toBe(false);
  });
});
