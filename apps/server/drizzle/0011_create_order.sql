-- An order for a hold in one round trip (it was a transaction of six statements): lock the hold
-- (so the same Idempotency-Key sent twice at once queues here and the second finds the first),
-- answer an order already made with this key, check the hold, insert the order (one live order
-- per hold: the partial unique index decides) and its items, priced by the caller. Refusals are
-- rows, not errors (node-postgres's Pool closes a connection whose statement failed).
-- r_outcome: 'created' | 'existing' (the order of this key) | 'hold-not-found' |
--   'hold-not-active' (r_detail: its status) | 'hold-expired' | 'order-exists'.
CREATE OR REPLACE FUNCTION tk_create_order(p_user uuid, p_hold uuid, p_key text, p_currency text, p_items jsonb)
RETURNS TABLE (r_outcome text, r_detail text, r_id uuid, r_user_id uuid, r_session_id uuid, r_hold_id uuid,
  r_idempotency_key text, r_status text, r_total_cents int, r_currency text, r_failure_reason text,
  r_created_at timestamptz, r_paid_at timestamptz, r_cancelled_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_hold holds%ROWTYPE;
  v_has_hold boolean;
  v_order uuid;
  v_outcome text;
  v_detail text;
BEGIN
  SELECT * INTO v_hold FROM holds h WHERE h.id = p_hold FOR UPDATE;
  v_has_hold := FOUND;
  SELECT o.id INTO v_order FROM orders o WHERE o.user_id = p_user AND o.idempotency_key = p_key;
  IF FOUND THEN
    v_outcome := 'existing';
  ELSIF NOT v_has_hold OR v_hold.user_id <> p_user THEN
    v_outcome := 'hold-not-found';
  ELSIF v_hold.status <> 'active' THEN
    v_outcome := 'hold-not-active';
    v_detail := v_hold.status;
  ELSIF v_hold.expires_at <= now() THEN
    v_outcome := 'hold-expired';
  ELSE
    INSERT INTO orders (user_id, session_id, hold_id, idempotency_key, total_cents, currency)
    VALUES (p_user, v_hold.session_id, p_hold, p_key,
            (SELECT coalesce(sum((x->>'priceCents')::int), 0) FROM jsonb_array_elements(p_items) x), p_currency)
    ON CONFLICT DO NOTHING
    RETURNING orders.id INTO v_order;
    IF v_order IS NOT NULL THEN
      INSERT INTO order_items (order_id, seat_id, area_id, category, label, price_cents)
      SELECT v_order, x."seatId", x."areaId", x.category, x.label, x."priceCents"
      FROM jsonb_to_recordset(p_items) AS x("seatId" text, "areaId" text, category text, label text, "priceCents" int);
      v_outcome := 'created';
    ELSE
      -- Lost to a concurrent request: the same key (for another hold), or a live order of this hold.
      SELECT o.id INTO v_order FROM orders o WHERE o.user_id = p_user AND o.idempotency_key = p_key;
      v_outcome := CASE WHEN FOUND THEN 'existing' ELSE 'order-exists' END;
    END IF;
  END IF;
  RETURN QUERY
    SELECT v_outcome, v_detail, o.id, o.user_id, o.session_id, o.hold_id, o.idempotency_key, o.status,
           o.total_cents, o.currency, o.failure_reason, o.created_at, o.paid_at, o.cancelled_at
    FROM (SELECT 1) AS one LEFT JOIN orders o ON o.id = v_order;
END
$$;
