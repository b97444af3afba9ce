/**
 * Coordinator keys of one session's room. The {sessionId} hash tag keeps them in one Redis
 * Cluster slot, which claimNumber (counter + claim in one script) needs.
 */
export const roomKeys = (sessionId: string) => {
  const base = `wr:{${sessionId}}`;
  return {
    joined: `${base}:joined`,
    claims: `${base}:claims`,
    entered: (accountId: string) => `${base}:entered:${accountId}`,
    /** Entries counted by the 10-second bucket of their admission time (the pending estimate). */
    entries: (bucket: number) => `${base}:entries:${bucket}`,
    shoppers: `${base}:shoppers`,
    state: `${base}:state`,
    epoch: `${base}:epoch`,
    control: `${base}:control`,
    leader: `${base}:leader`,
  };
};

/** Every process hears every room's new state here, so polls are answered from memory. */
export const ROOM_STATE_CHANNEL = 'wr:state';
