import { describe, expect, it } from 'vitest';
import { aheadText, closedText, formatEta, progressPercent } from './queueText.ts';

describe('waiting-room words', () => {
  it('says the wait is unknown while nobody is being let in', () => {
    expect(formatEta(null)).toBe('unknown');
  });

  it('rounds the range outwards to whole minutes', () => {
    expect(formatEta({ min: 10, max: 45 })).toBe('less than a minute');
    expect(formatEta({ min: 30, max: 90 })).toBe('1–2 minutes');
    expect(formatEta({ min: 250, max: 410 })).toBe('4–7 minutes');
    expect(formatEta({ min: 240, max: 240 })).toBe('about 4 minutes');
    expect(formatEta({ min: 60, max: 60 })).toBe('about 1 minute');
  });

  it('switches to hours for long waits', () => {
    expect(formatEta({ min: 3 * 3600, max: 3 * 3600 })).toBe('about 3 hours');
    expect(formatEta({ min: 4000, max: 9000 })).toBe('1–3 hours');
    expect(formatEta({ min: 100, max: 7300 })).toBe('1–3 hours');
  });

  it('copes with a range given the wrong way round', () => {
    expect(formatEta({ min: 410, max: 250 })).toBe('4–7 minutes');
  });

  it('counts the people ahead', () => {
    expect(aheadText(null)).toBe('');
    expect(aheadText(0)).toBe('You’re next');
    expect(aheadText(1)).toBe('1 person is ahead of you');
    expect(aheadText(12)).toBe('12 people are ahead of you');
  });

  it('explains each way the queue can close', () => {
    expect(closedText('sold-out').title).toBe('Sold out');
    expect(closedText('cancelled').title).toBe('This date was cancelled');
    expect(closedText('sales-closed').title).toBe('Sales have ended');
    expect(closedText(null).title).toBe('Sales have ended');
  });

  it('shows progress as a whole percentage within 0–100', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent(0.456)).toBe(46);
    expect(progressPercent(1.5)).toBe(100);
    expect(progressPercent(-0.2)).toBe(0);
  });
});
