-- tk_take_hold: tk_create_hold (0006/0008) that answers a refusal with a row instead of an error.
-- node-postgres's Pool closes the connection of any statement that fails outside a transaction
-- (pg-pool releases the client with the error), so every refused hold used to cost PostgreSQL a
-- new backend: connect, authenticate, fork, and plan the PL/pgSQL again. The exception block
-- below still undoes everything tk_create_hold did (it runs in a subtransaction), and reports why:
--   outcome 'held' (hold_id, expires_at, freed), 'checkout' (detail "<holdId> <orderId>"),
--   'seats' (detail: comma-separated seat ids), 'ga' (detail: area id).
-- tk_create_hold stays for processes of the previous version during a rolling deploy.
CREATE OR REPLACE FUNCTION tk_take_hold(p_session uuid, p_user uuid, p_seats text[], p_ga jsonb, p_minutes int)
RETURNS TABLE (outcome text, hold_id uuid, expires_at timestamptz, freed text[], detail text)
LANGUAGE plpgsql AS $$
DECLARE
  v record;
  v_detail text;
BEGIN
  BEGIN
    SELECT * INTO v FROM tk_create_hold(p_session, p_user, p_seats, p_ga, p_minutes);
  EXCEPTION WHEN SQLSTATE 'TK001' OR SQLSTATE 'TK002' OR SQLSTATE 'TK003' THEN
    GET STACKED DIAGNOSTICS v_detail = PG_EXCEPTION_DETAIL;
    RETURN QUERY SELECT CASE SQLSTATE WHEN 'TK001' THEN 'checkout' WHEN 'TK002' THEN 'seats' ELSE 'ga' END,
      NULL::uuid, NULL::timestamptz, NULL::text[], v_detail;
    RETURN;
  END;
  RETURN QUERY SELECT 'held'::text, v.hold_id, v.expires_at, v.freed, NULL::text;
END
$$;
