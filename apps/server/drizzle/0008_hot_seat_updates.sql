DROP INDEX "seat_inventory_status_idx";--> statement-breakpoint
DROP INDEX "seat_inventory_hold_idx";--> statement-breakpoint
CREATE INDEX "seat_inventory_category_idx" ON "seat_inventory" USING btree ("session_id","category");--> statement-breakpoint
-- Room on every page for the new version of a seat row, so a status change stays on its page
-- (heap-only update, no index entries written). Applies to inventory rows written from now on.
ALTER TABLE "seat_inventory" SET (fillfactor = 70);--> statement-breakpoint
-- tk_create_hold (0006) with the same rule and errors; the replaced hold's seats are now found by
-- the hold's own seat ids through the primary key (there is no index on hold_id any more).
CREATE OR REPLACE FUNCTION tk_create_hold(p_session uuid, p_user uuid, p_seats text[], p_ga jsonb, p_minutes int)
RETURNS TABLE (hold_id uuid, expires_at timestamptz, freed text[])
LANGUAGE plpgsql AS $$
DECLARE
  v_old record;
  v_order uuid;
  v_item jsonb;
  v_hold uuid;
  v_exp timestamptz := now() + make_interval(mins => p_minutes);
  v_freed text[] := '{}';
  v_taken int;
  v_missing text[];
BEGIN
  -- One active hold per buyer per session: the new one replaces the old (locked meanwhile)...
  SELECT h.id, h.seat_ids, h.ga_items, h.expires_at INTO v_old FROM holds h
  WHERE h.session_id = p_session AND h.user_id = p_user AND h.status = 'active'
  FOR UPDATE;
  IF FOUND THEN
    -- ...unless its order is being paid: that is not replaced behind the buyer's back.
    IF v_old.expires_at > now() THEN
      SELECT o.id INTO v_order FROM orders o WHERE o.hold_id = v_old.id AND o.status = 'pending' LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'checkout in progress' USING ERRCODE = 'TK001', DETAIL = v_old.id || ' ' || v_order;
      END IF;
    END IF;
    UPDATE holds h SET status = 'released', ended_at = now() WHERE h.id = v_old.id;
    IF cardinality(v_old.seat_ids) > 0 THEN
      WITH u AS (
        UPDATE seat_inventory i SET status = 'available', hold_id = NULL, hold_expires_at = NULL, version = i.version + 1
        WHERE i.session_id = p_session AND i.seat_id = ANY (v_old.seat_ids) AND i.hold_id = v_old.id AND i.status = 'held'
        RETURNING i.seat_id
      ) SELECT coalesce(array_agg(u.seat_id), '{}') INTO v_freed FROM u;
    END IF;
    FOR v_item IN SELECT * FROM jsonb_array_elements(v_old.ga_items) LOOP
      UPDATE ga_inventory g SET remaining = least(g.capacity, g.remaining + (v_item->>'quantity')::int), updated_at = now()
      WHERE g.session_id = p_session AND g.area_id = v_item->>'areaId';
    END LOOP;
  END IF;

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
