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
    exchanged: `${base}:exchanged`,
    shoppers: `${base}:shoppers`,
    state: `${base}:state`,
    control: `${base}:control`,
    leader: `${base}:leader`,
  };
};

/** Every process hears every room's new state here, so polls are answered from memory. */
export const ROOM_STATE_CHANNEL = 'wr:state';
