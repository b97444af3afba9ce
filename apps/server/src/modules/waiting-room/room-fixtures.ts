import type { SessionFacts } from './room.ts';

/** Test support: a scheduled session whose sales open at T0 and close a day later. */
export const T0 = Date.parse('2026-12-01T10:00:00Z');

export const sessionFacts = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  id: '00000000-0000-4000-8000-000000000001',
  status: 'published',
  queueMode: 'scheduled',
  queueSettings: { prequeueMinutes: 10, outflowPerMinute: 60, maxActiveShoppers: 100, noShowMinutes: 2 },
  salesOpenAt: new Date(T0),
  salesCloseAt: new Date(T0 + 24 * 3600_000),
  ...over,
});
