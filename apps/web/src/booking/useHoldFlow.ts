import { type Hold, type HoldCreate, Order } from '@ticketing/contracts';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../api/booking/idempotencyKey.ts';
import { useCreateHold } from '../api/booking/useCreateHold.ts';
import { useCreateOrder } from '../api/booking/useCreateOrder.ts';
import { useHold } from '../api/booking/useHold.ts';
import { useReleaseHold } from '../api/booking/useReleaseHold.ts';
import { api, hasCode, isApiError, problemText } from '../api/client.ts';
import { browserStore, forgetTurn, writeAccess } from '../queue/storage.ts';
import { holdKey, readStored, writeStored } from './storage.ts';

/**
 * The buyer's hold on a session and the way to payment: create (replacing any earlier hold),
 * restore after a reload, release, notice expiry, and create the order with one Idempotency-Key
 * per checkout attempt (kept for a retry after a network failure, new after a definite answer).
 * A hold refused for want of waiting-room access sends the buyer back to the line.
 */
export function useHoldFlow(sessionId: string) {
  const navigate = useNavigate();
  const [restoredId] = useState<string | null>(() => readStored<string>(holdKey(sessionId)));
  const [holdId, setHoldId] = useState<string | null>(restoredId);
  const [expired, setExpired] = useState<Hold | null>(null);
  const query = useHold(holdId);
  const create = useCreateHold(sessionId);
  const release = useReleaseHold();
  const order = useCreateOrder();
  const attemptKey = useRef<string | null>(null);

  const remember = (id: string | null) => {
    setHoldId(id);
    writeStored(holdKey(sessionId), id);
  };

  // A stored hold that ended while the buyer was away (paid, released, expired) is forgotten
  // quietly; one that runs out while they watch is the countdown's to announce.
  const data = query.data;
  const restoredDead =
    holdId !== null &&
    holdId === restoredId &&
    (query.isError ||
      (data !== undefined &&
        (data.status !== 'active' || Date.parse(data.expiresAt) <= query.dataUpdatedAt)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: forget only when the stored hold turned out dead
  useEffect(() => {
    if (restoredDead) remember(null);
  }, [restoredDead]);

  const hold = data && data.status === 'active' && !restoredDead ? data : null;

  return {
    hold,
    restoring: holdId !== null && query.isPending,
    expired,
    creating: create.isPending,
    createError: create.error,
    releasing: release.isPending,
    paying: order.isPending,
    payError: order.error,

    /** Resolves with the hold, or with the error (also kept in createError for the panel). */
    async createHold(
      body: HoldCreate,
    ): Promise<{ hold: Hold; error: null } | { hold: null; error: unknown }> {
      setExpired(null);
      order.reset();
      try {
        const made = await create.mutateAsync(body);
        remember(made.holdId);
        return { hold: made, error: null };
      } catch (error) {
        if (hasCode(error, 'QUEUE_ACCESS_REQUIRED', 'QUEUE_ACCESS_EXPIRED')) {
          // The waiting room runs and this buyer's turn is not (or no longer) valid: back to the line.
          const expired = hasCode(error, 'QUEUE_ACCESS_EXPIRED');
          if (expired) forgetTurn(browserStore(), sessionId);
          else writeAccess(browserStore(), sessionId, null);
          const queueNotice = expired ? 'access-expired' : 'access-required';
          navigate(`/sessions/${sessionId}/queue`, { state: { queueNotice } });
        }
        return { hold: null, error };
      }
    },

    /** Called when the countdown reaches zero, or the server says the hold ran out. */
    markExpired() {
      if (!hold) return;
      setExpired(hold);
      remember(null);
      // Our clock may run ahead of the server's: release now, so the seats are free when we say so.
      release.mutate(hold.holdId);
    },
    dismissExpired: () => setExpired(null),
    resetErrors() {
      create.reset();
      order.reset();
    },

    async releaseHold() {
      if (!hold) return;
      try {
        await release.mutateAsync(hold.holdId);
      } catch {
        // Nothing to do: an unreleased hold expires by itself shortly.
      }
      remember(null);
    },

    async checkout() {
      if (!hold) return;
      attemptKey.current ??= newIdempotencyKey();
      try {
        const created = await order.mutateAsync({ holdId: hold.holdId, idempotencyKey: attemptKey.current });
        attemptKey.current = null;
        if (created.payment) window.location.assign(created.payment.redirectUrl);
        else navigate(`/orders/${created.id}`);
      } catch (err) {
        if (hasCode(err, 'NETWORK') || (isApiError(err) && err.status >= 500)) return; // same key on retry
        attemptKey.current = null;
        if (hasCode(err, 'HOLD_EXPIRED', 'HOLD_NOT_ACTIVE')) {
          setExpired(hold);
          remember(null);
          return;
        }
        const existing = hasCode(err, 'ORDER_EXISTS') ? problemText(err, 'orderId') : undefined;
        if (existing) await resume(existing);
      }
    },
  };

  /** An order for this hold already exists (an earlier tab or attempt): go on with its payment. */
  async function resume(orderId: string) {
    try {
      const existing = await api(`/api/orders/${encodeURIComponent(orderId)}`, { schema: Order });
      if (existing.status === 'pending' && existing.payment)
        window.location.assign(existing.payment.redirectUrl);
      else navigate(`/orders/${orderId}`);
    } catch {
      navigate(`/orders/${orderId}`);
    }
  }
}
