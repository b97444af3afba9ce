/** Query keys of the waiting room: the public serving state and the admin's live panel. */
export const queueKeys = {
  serving: (sessionId: string) => ['queue', 'serving', sessionId] as const,
  monitor: (sessionId: string) => ['admin', 'queue', sessionId] as const,
};
