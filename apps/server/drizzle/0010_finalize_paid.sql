-- The paying transaction's work in one round trip (it was 13 statements, each a round trip from
-- the server: lock the order and the hold, read the items, take the seats under a savepoint, retake
-- GA places of an ended hold, insert the tickets, mark the order paid and the hold converted; or,
-- when the seats are gone, fail the order, release the hold and request the refund). Runs inside
-- the caller's transaction, which also records the webhook event and enqueues ticket delivery.
-- Returns kind 'paid' (sold_seats), 'seats-gone' (refund_id, amount_cents) or 'ignored' (why).
CREATE OR REPLACE FUNCTION tk_finalize_paid(p_order uuid, p_holder text)
RETURNS TABLE (kind text, sold_seats text[], refund_id uuid, amount_cents int, why text)
LANGUAGE plpgsql AS $$
DECLARE
  v_order orders%ROWTYPE;
  v_hold holds%ROWTYPE;
  v_has_hold boolean;
  v_seats text[];
  v_sold int;
  v_item jsonb;
  v_ok boolean := true;
  v_refund uuid;
BEGIN
  SELECT * INTO v_order FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'ignored'::text, NULL::text[], NULL::uuid, NULL::int, 'unknown order'::text;
    RETURN;
  END IF;
  IF v_order.status <> 'pending' THEN
    RETURN QUERY SELECT 'ignored'::text, NULL::text[], NULL::uuid, NULL::int, 'order already ' || v_order.status;
    RETURN;
  END IF;
  SELECT * INTO v_hold FROM holds WHERE id = v_order.hold_id FOR UPDATE;
  v_has_hold := FOUND;
  SELECT coalesce(array_agg(i.seat_id) FILTER (WHERE i.seat_id IS NOT NULL), '{}') INTO v_seats
  FROM order_items i WHERE i.order_id = p_order;

  -- The seats (and GA places) in a subtransaction: if any is gone, none is taken.
  BEGIN
    IF cardinality(v_seats) > 0 THEN
      WITH s AS (
        UPDATE seat_inventory i SET status = 'sold', hold_id = v_order.hold_id, hold_expires_at = NULL, version = i.version + 1
        WHERE i.session_id = v_order.session_id AND i.seat_id = ANY (v_seats)
          AND ((i.status = 'held' AND i.hold_id = v_order.hold_id) OR i.status = 'available'
               OR (i.status = 'held' AND i.hold_expires_at < now()))
        RETURNING 1
      ) SELECT count(*) INTO v_sold FROM s;
      IF v_sold <> cardinality(v_seats) THEN
        RAISE EXCEPTION 'seats gone' USING ERRCODE = 'TK010';
      END IF;
    END IF;
    -- GA places are still ours while the hold is active; an ended hold gave them back: retake.
    IF v_has_hold AND v_hold.status <> 'active' THEN
      FOR v_item IN SELECT * FROM jsonb_array_elements(v_hold.ga_items) LOOP
        UPDATE ga_inventory g SET remaining = g.remaining - (v_item->>'quantity')::int, updated_at = now()
        WHERE g.session_id = v_order.session_id AND g.area_id = v_item->>'areaId'
          AND g.remaining >= (v_item->>'quantity')::int;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'general admission gone' USING ERRCODE = 'TK010';
        END IF;
      END LOOP;
    END IF;
  EXCEPTION WHEN SQLSTATE 'TK010' THEN
    v_ok := false;
  END;

  IF NOT v_ok THEN
    UPDATE orders SET status = 'failed',
      failure_reason = 'Your payment arrived after the hold expired and the seats had been taken; it is refunded in full.'
    WHERE id = p_order;
    IF v_has_hold AND v_hold.status = 'active' THEN
      UPDATE holds SET status = 'released', ended_at = now() WHERE id = v_hold.id;
    END IF;
    INSERT INTO refunds (order_id, amount_cents, reason)
    VALUES (p_order, v_order.total_cents, 'seats_unavailable_after_expiry')
    RETURNING id INTO v_refund;
    RETURN QUERY SELECT 'seats-gone'::text, NULL::text[], v_refund, v_order.total_cents, NULL::text;
    RETURN;
  END IF;

  INSERT INTO tickets (order_id, session_id, user_id, seat_id, area_id, category, label, price_cents, currency, holder_name)
  SELECT p_order, v_order.session_id, v_order.user_id, i.seat_id, i.area_id, i.category, i.label, i.price_cents,
         v_order.currency, p_holder
  FROM order_items i WHERE i.order_id = p_order;
  UPDATE orders SET status = 'paid', paid_at = now() WHERE id = p_order;
  UPDATE holds SET status = 'converted', ended_at = now() WHERE id = v_order.hold_id;
  RETURN QUERY SELECT 'paid'::text, v_seats, NULL::uuid, NULL::int, NULL::text;
END
$$;
