import type { SessionDetail } from '@ticketing/contracts';
import { useMemo } from 'react';
import { useServingState } from '../api/queue/useServingState.ts';
import { holdKey, readStored } from '../booking/storage.ts';
import { type GateDecision, gateDecision } from './gate.ts';
import { browserStore, readAccess, type StoredAccess } from './storage.ts';

export type Gate =
  | { kind: 'checking' }
  | { kind: GateDecision; access: StoredAccess | null; prequeueOpensAt: string | null };

/**
 * The waiting room's say on the seat map, decided when the page opens: once in, the buyer is not
 * thrown out mid-choice when the access runs out (a refused hold sends them back instead).
 * `accountId` undefined: not known yet; null: nobody is signed in.
 */
export function useQueueGate(session: SessionDetail, accountId: string | null | undefined): Gate {
  const queued = session.queueMode !== 'off';
  const serving = useServingState(session.id, queued);
  // Read once per account (the account is not known on the first render), not on every render.
  const access = useMemo(
    () => (accountId ? readAccess(browserStore(), session.id, accountId, Date.now()) : null),
    [session.id, accountId],
  );
  if (!queued) return { kind: 'open', access: null, prequeueOpensAt: null };
  if (accountId === undefined || serving.isPending) return { kind: 'checking' };
  // The serving state did not load: show the map; the server still refuses holds without access.
  const phase = serving.isError ? null : serving.data.phase;
  const decision = gateDecision({
    queueMode: session.queueMode,
    phase,
    hasAccess: access !== null,
    hasHold: readStored<string>(holdKey(session.id)) !== null,
  });
  return { kind: decision, access, prequeueOpensAt: serving.data?.prequeueOpensAt ?? null };
}
