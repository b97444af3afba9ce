-- A hold in one round trip. The function body runs inside the calling statement, so it is all or
-- nothing: any RAISE undoes every change it made. Custom SQLSTATEs tell the caller why:
--   TK001 checkout in progress (DETAIL: "<holdId> <orderId>"), TK002 seats unavailable (DETAIL:
--   comma-separated seat ids), TK003 general admission sold out (DETAIL: area id).
CREATE OR REPLACE FUNCTION tk_create_hold(p_session uuid, p_user uuid, p_seats text[], p_ga jsonb, p_minutes int)
RETURNS TABLE (hold_id uuid, expires_at timestamptz, freed text[])
LANGUAGE plpgsql AS $$
DECLARE
  v_paying record;
  v_old record;
  v_item jsonb;
  v_hold uuid;
  v_exp timestamptz := now() + make_interval(mins => p_minutes);
  v_freed text[] := '{}';
  v_some text[];
  v_taken int;
  v_missing text[];
BEGIN
  -- A hold whose order is being paid is not replaced behind the buyer's back.
  SELECT h.id AS hold_id, o.id AS order_id INTO v_paying
  FROM holds h JOIN orders o ON o.hold_id = h.id AND o.status = 'pending'
  WHERE h.session_id = p_session AND h.user_id = p_user AND h.status = 'active' AND h.expires_at > now()
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'checkout in progress' USING ERRCODE = 'TK001', DETAIL = v_paying.hold_id || ' ' || v_paying.order_id;
  END IF;

  -- One active hold per buyer per session: the new one replaces the old.
  FOR v_old IN
    UPDATE holds h SET status = 'released', ended_at = now()
    WHERE h.session_id = p_session AND h.user_id = p_user AND h.status = 'active'
    RETURNING h.id, h.ga_items
  LOOP
    WITH u AS (
      UPDATE seat_inventory i SET status = 'available', hold_id = NULL, hold_expires_at = NULL, version = i.version + 1
      WHERE i.session_id = p_session AND i.hold_id = v_old.id AND i.status = 'held'
      RETURNING i.seat_id
    ) SELECT coalesce(array_agg(u.seat_id), '{}') INTO v_some FROM u;
    v_freed := v_freed || v_some;
    FOR v_item IN SELECT * FROM jsonb_array_elements(v_old.ga_items) LOOP
      UPDATE ga_inventory g SET remaining = least(g.capacity, g.remaining + (v_item->>'quantity')::int), updated_at = now()
      WHERE g.session_id = p_session AND g.area_id = v_item->>'areaId';
    END LOOP;
  END LOOP;

  INSERT INTO holds (session_id, user_id, seat_ids, ga_items, expires_at)
  VALUES (p_session, p_user, p_seats, p_ga, v_exp)
  RETURNING id INTO v_hold;

  -- The rule itself: a seat is taken only if free or its hold has expired.
  IF cardinality(p_seats) > 0 THEN
    WITH t AS (
      UPDATE seat_inventory i SET status = 'held', hold_id = v_hold, hold_expires_at = v_exp, version = i.version + 1
      WHERE i.session_id = p_session AND i.seat_id = ANY (p_seats)
        AND (i.status = 'available' OR (i.status = 'held' AND i.hold_expires_at < now()))
      RETURNING i.seat_id
    ) SELECT count(*) INTO v_taken FROM t;
    IF v_taken <> cardinality(p_seats) THEN
      SELECT array_agg(s) INTO v_missing FROM unnest(p_seats) s
      WHERE NOT EXISTS (SELECT 1 FROM seat_inventory i WHERE i.session_id = p_session AND i.seat_id = s AND i.hold_id = v_hold);
      RAISE EXCEPTION 'seats unavailable' USING ERRCODE = 'TK002', DETAIL = array_to_string(v_missing, ',');
    END IF;
  END IF;

  FOR v_item IN SELECT * FROM jsonb_array_elements(p_ga) LOOP
    UPDATE ga_inventory g SET remaining = g.remaining - (v_item->>'quantity')::int, updated_at = now()
    WHERE g.session_id = p_session AND g.area_id = v_item->>'areaId' AND g.remaining >= (v_item->>'quantity')::int;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'general admission sold out' USING ERRCODE = 'TK003', DETAIL = v_item->>'areaId';
    END IF;
  END LOOP;

  RETURN QUERY SELECT v_hold, v_exp, v_freed;
END
$$;
