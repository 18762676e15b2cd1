import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { CHANGE_CHANNEL, TEAM_ROLES as R, TEAM_SCHEMA as S } from '../names'
import { grants } from './function-grants'

/**
 * The shared quota ledger, as functions: the only way usage changes.
 *
 * - Each is SECURITY DEFINER, owned by the ledger role, with its search_path pinned (a caller
 *   could otherwise shadow a table or an operator with one of its own).
 * - Identity is `session_user`, the role the manager signed in as: inside a SECURITY DEFINER
 *   function `current_user` is the ledger itself.
 * - A reservation is one conditional UPDATE per row: the manager's own row (when an admin set a
 *   cap), then the team's. Row locks serialise concurrent laptops, so together they can never
 *   pass a limit. Every function locks in one order (reservation, manager's usage row, team's
 *   usage row), so none can deadlock another.
 * - A refusal is a result row, not an error, so it costs no rolled-back work.
 * - Settling and releasing are idempotent by reservation id: a laptop that retries after a lost
 *   answer, or after the server restarted, never counts twice.
 * - A laptop that dies mid-purchase does not hold quota for ever: `expire_stale` releases a
 *   reservation never sent, and counts one sent but never settled at its worst case (it may
 *   have been billed); a late settle then corrects it down to the real charge.
 * - The team's clock is the server's: periods, expiries and purchase times never depend on a
 *   laptop's clock. A period, once begun, keeps its bounds: a new billing-cycle day starts with
 *   the next period, so no spending moves out of the period whose limit it was checked against.
 */
const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, ${S}, pg_temp`
const PRIVATE = `SET search_path = pg_catalog, ${S}, pg_temp`

const HELPERS = `
CREATE FUNCTION ${S}._current_period() RETURNS ${S}.periods LANGUAGE plpgsql ${PRIVATE} AS $$
DECLARE
  p periods;
  v_day int;
  v_start timestamp;
  v_last timestamptz;
BEGIN
  SELECT * INTO p FROM periods WHERE starts_at <= now() AND ends_at > now()
    ORDER BY starts_at DESC LIMIT 1;
  IF FOUND THEN RETURN p; END IF;
  -- Laptops arriving at once must not each open the period: the first opens it, the others wait
  -- here and then find it (otherwise a second one reads the first's end as "the period before"
  -- and tries to open an empty period after it).
  PERFORM pg_advisory_xact_lock(hashtext('creator_desk._current_period'));
  SELECT * INTO p FROM periods WHERE starts_at <= now() AND ends_at > now()
    ORDER BY starts_at DESC LIMIT 1;
  IF FOUND THEN RETURN p; END IF;
  SELECT billing_cycle_day INTO v_day FROM settings WHERE id = 1;
  v_start := date_trunc('month', (now() AT TIME ZONE 'UTC') - make_interval(days => v_day - 1))
    + make_interval(days => v_day - 1);
  -- Never overlap the period before (its cycle day may have been different).
  SELECT max(ends_at) INTO v_last FROM periods;
  INSERT INTO periods (month, starts_at, ends_at)
  VALUES (to_char(v_start, 'YYYY-MM'),
          greatest(v_start AT TIME ZONE 'UTC', coalesce(v_last, '-infinity')),
          (v_start + interval '1 month') AT TIME ZONE 'UTC')
  ON CONFLICT (starts_at) DO NOTHING;
  SELECT * INTO p FROM periods WHERE starts_at <= now() AND ends_at > now()
    ORDER BY starts_at DESC LIMIT 1;
  RETURN p;
END $$;

CREATE FUNCTION ${S}._has_stale() RETURNS boolean LANGUAGE sql STABLE ${PRIVATE} AS $$
  SELECT EXISTS (SELECT 1 FROM reservations WHERE state = 'held' AND expires_at < now())
$$;

-- Moves units on the manager's row, then the team's (the one lock order).
CREATE FUNCTION ${S}._move(p_period bigint, p_meter text, p_role text,
  p_reserved bigint, p_used bigint, p_milli bigint) RETURNS void LANGUAGE sql ${PRIVATE} AS $$
  UPDATE user_usage SET reserved = reserved + p_reserved, used = used + p_used,
    used_milli = used_milli + p_milli
  WHERE period_id = p_period AND meter = p_meter AND role_name = p_role;
  UPDATE usage SET reserved = reserved + p_reserved, used = used + p_used,
    used_milli = used_milli + p_milli
  WHERE period_id = p_period AND meter = p_meter;
$$;

-- Closes a locked reservation with what was really charged, whatever it counted until now.
CREATE FUNCTION ${S}._close(r ${S}.reservations, p_state text, p_units bigint, p_milli bigint)
RETURNS void LANGUAGE plpgsql ${PRIVATE} AS $$
BEGIN
  IF r.state = 'held' THEN
    PERFORM _move(r.period_id, r.meter, r.owner, -r.units, p_units, p_milli);
  ELSE
    -- 'expired' counted its worst case, 'released' nothing: count the difference.
    PERFORM _move(r.period_id, r.meter, r.owner, 0, p_units - r.charged_units,
      p_milli - r.charged_milli);
  END IF;
  UPDATE reservations SET state = p_state, charged_units = p_units, charged_milli = p_milli,
    closed_at = now()
  WHERE id = r.id;
END $$;

CREATE FUNCTION ${S}._audit(p jsonb, p_units bigint, p_milli bigint, p_reservation bigint,
  p_purchase uuid) RETURNS void LANGUAGE sql ${PRIVATE} AS $$
  INSERT INTO api_call_logs (user_id, provider, action, reason, platform, creator_ref, outcome,
    http_status, duration_ms, cost_units, cost_milli_credits, cache_hit, saved_units,
    reservation_id, purchase_id)
  VALUES (session_user, coalesce(p->>'provider', 'modash'), coalesce(p->>'action', 'unknown'),
    coalesce(p->>'reason', 'unknown'), p->>'platform', p->>'creatorRef',
    coalesce(p->>'outcome', 'ok'), (p->>'httpStatus')::int,
    greatest(0, coalesce(round((p->>'durationMs')::numeric), 0))::int, p_units, p_milli,
    coalesce((p->>'cacheHit')::boolean, false),
    greatest(0, coalesce((p->>'savedUnits')::bigint, 0)), p_reservation, p_purchase);
$$;

CREATE FUNCTION ${S}._locked_reservation(p_id bigint) RETURNS ${S}.reservations
LANGUAGE plpgsql ${PRIVATE} AS $$
DECLARE
  r reservations;
BEGIN
  SELECT * INTO r FROM reservations WHERE id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No reservation % on the team ledger', p_id USING ERRCODE = 'CDR02';
  END IF;
  IF r.owner <> session_user THEN
    RAISE EXCEPTION 'Reservation % belongs to %', p_id, r.owner USING ERRCODE = '42501';
  END IF;
  RETURN r;
END $$;

CREATE FUNCTION ${S}._notify_usage(p_meter text) RETURNS void LANGUAGE sql ${PRIVATE} AS $$
  SELECT pg_notify('${CHANGE_CHANNEL}', json_build_object('t', 'usage', 'meter', p_meter)::text);
$$;
`

const LEDGER = `
CREATE FUNCTION ${S}.reserve(p_meter text, p_units bigint, p_worst_milli bigint,
  p_purchase_key text)
RETURNS TABLE (reservation_id bigint, refused text, used bigint, reserved bigint,
  monthly_limit bigint, month text, resets_at timestamptz, expires_at timestamptz,
  stale boolean)
LANGUAGE plpgsql ${DEFINER} AS $$
#variable_conflict use_column
DECLARE
  v_user text := session_user;
  p periods;
  v_limit bigint;
  v_cap bigint;
  v_used bigint;
  v_reserved bigint;
  v_id bigint;
  v_expires timestamptz;
BEGIN
  IF p_units IS NULL OR p_units <= 0 OR p_worst_milli IS NULL OR p_worst_milli < 0 THEN
    RAISE EXCEPTION 'A reservation needs a positive number of units' USING ERRCODE = '22023';
  END IF;
  SELECT m.monthly_limit INTO v_limit FROM meters m WHERE m.meter = p_meter;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Unknown meter %', p_meter USING ERRCODE = '22023';
  END IF;
  p := _current_period();
  SELECT c.monthly_cap INTO v_cap FROM user_caps c
    WHERE c.role_name = v_user AND c.meter = p_meter;

  FOR attempt IN 1..2 LOOP
    UPDATE user_usage u SET reserved = u.reserved + p_units
    WHERE u.period_id = p.id AND u.meter = p_meter AND u.role_name = v_user
      AND (v_cap IS NULL OR u.used + u.reserved + p_units <= v_cap)
    RETURNING u.used, u.reserved INTO v_used, v_reserved;
    EXIT WHEN FOUND;
    IF attempt = 1 AND NOT EXISTS (SELECT 1 FROM user_usage u WHERE u.period_id = p.id
        AND u.meter = p_meter AND u.role_name = v_user) THEN
      INSERT INTO user_usage (period_id, meter, role_name) VALUES (p.id, p_meter, v_user)
        ON CONFLICT DO NOTHING;
      CONTINUE;
    END IF;
    SELECT u.used, u.reserved INTO v_used, v_reserved FROM user_usage u
      WHERE u.period_id = p.id AND u.meter = p_meter AND u.role_name = v_user;
    RETURN QUERY SELECT NULL::bigint, 'user_cap'::text, v_used, v_reserved, v_cap, p.month,
      p.ends_at, NULL::timestamptz, _has_stale();
    RETURN;
  END LOOP;

  FOR attempt IN 1..2 LOOP
    UPDATE usage u SET reserved = u.reserved + p_units
    WHERE u.period_id = p.id AND u.meter = p_meter
      AND (v_limit IS NULL OR u.used + u.reserved + p_units <= v_limit)
    RETURNING u.used, u.reserved INTO v_used, v_reserved;
    EXIT WHEN FOUND;
    IF attempt = 1 AND NOT EXISTS (SELECT 1 FROM usage u WHERE u.period_id = p.id
        AND u.meter = p_meter) THEN
      INSERT INTO usage (period_id, meter) VALUES (p.id, p_meter) ON CONFLICT DO NOTHING;
      CONTINUE;
    END IF;
    -- Refused by the team: give back what the manager's row took (its lock is still ours).
    UPDATE user_usage u SET reserved = u.reserved - p_units
      WHERE u.period_id = p.id AND u.meter = p_meter AND u.role_name = v_user;
    SELECT u.used, u.reserved INTO v_used, v_reserved FROM usage u
      WHERE u.period_id = p.id AND u.meter = p_meter;
    RETURN QUERY SELECT NULL::bigint, 'team_limit'::text, v_used, v_reserved, v_limit, p.month,
      p.ends_at, NULL::timestamptz, _has_stale();
    RETURN;
  END LOOP;

  INSERT INTO reservations (period_id, meter, units, worst_milli, owner, purchase_key,
    expires_at)
  SELECT p.id, p_meter, p_units, p_worst_milli, v_user, p_purchase_key,
    now() + make_interval(secs => s.reservation_ttl_seconds)
  FROM settings s WHERE s.id = 1
  RETURNING id, expires_at INTO v_id, v_expires;
  RETURN QUERY SELECT v_id, NULL::text, v_used, v_reserved, v_limit, p.month, p.ends_at,
    v_expires, false;
END $$;

CREATE FUNCTION ${S}.mark_sent(p_id bigint) RETURNS timestamptz
LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  r reservations;
  v_expires timestamptz;
BEGIN
  r := _locked_reservation(p_id);
  IF r.state = 'held' AND r.sent_at IS NOT NULL THEN
    RETURN r.expires_at;
  END IF;
  IF r.state <> 'held' OR r.expires_at <= now() THEN
    RAISE EXCEPTION 'Reservation % ran out before the call was sent', p_id
      USING ERRCODE = 'CDR01';
  END IF;
  UPDATE reservations SET sent_at = now(),
    expires_at = now() + make_interval(secs => (SELECT sent_ttl_seconds FROM settings WHERE id = 1))
  WHERE id = p_id RETURNING expires_at INTO v_expires;
  RETURN v_expires;
END $$;

CREATE FUNCTION ${S}.settle(p_id bigint, p_units bigint, p_milli bigint, p_audit jsonb)
RETURNS text LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  r reservations;
BEGIN
  r := _locked_reservation(p_id);
  IF p_units IS NULL OR p_units < 0 OR p_units > r.units OR p_milli IS NULL OR p_milli < 0 THEN
    RAISE EXCEPTION 'Cannot settle % units on a reservation of %', p_units, r.units
      USING ERRCODE = '22023';
  END IF;
  IF r.state = 'settled' THEN RETURN 'already'; END IF;
  PERFORM _close(r, 'settled', p_units, p_milli);
  IF p_audit IS NOT NULL THEN PERFORM _audit(p_audit, p_units, p_milli, r.id, NULL); END IF;
  PERFORM _notify_usage(r.meter);
  RETURN 'settled';
END $$;

CREATE FUNCTION ${S}.release(p_id bigint, p_audit jsonb) RETURNS text
LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  r reservations;
BEGIN
  r := _locked_reservation(p_id);
  IF r.state NOT IN ('held', 'expired') THEN RETURN 'already'; END IF;
  PERFORM _close(r, 'released', 0, 0);
  IF p_audit IS NOT NULL THEN PERFORM _audit(p_audit, 0, 0, r.id, NULL); END IF;
  PERFORM _notify_usage(r.meter);
  RETURN 'released';
END $$;

CREATE FUNCTION ${S}.expire_stale() RETURNS integer LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  v_closed jsonb;
  rec record;
BEGIN
  WITH gone AS (
    SELECT id FROM reservations WHERE state = 'held' AND expires_at < now()
    ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED
  ), closed AS (
    UPDATE reservations r SET
      state = CASE WHEN r.sent_at IS NULL THEN 'released' ELSE 'expired' END,
      charged_units = CASE WHEN r.sent_at IS NULL THEN 0 ELSE r.units END,
      charged_milli = CASE WHEN r.sent_at IS NULL THEN 0 ELSE r.worst_milli END,
      closed_at = now()
    FROM gone WHERE r.id = gone.id
    RETURNING r.id, r.period_id, r.meter, r.owner, r.units, r.charged_units, r.charged_milli
  )
  SELECT coalesce(jsonb_agg(to_jsonb(closed)), '[]'::jsonb) INTO v_closed FROM closed;
  IF jsonb_array_length(v_closed) = 0 THEN RETURN 0; END IF;

  -- Managers' rows in name order, then the team's: the one lock order.
  FOR rec IN
    SELECT (e->>'period_id')::bigint AS period_id, e->>'meter' AS meter, e->>'owner' AS owner,
      sum((e->>'units')::bigint) AS units, sum((e->>'charged_units')::bigint) AS charged,
      sum((e->>'charged_milli')::bigint) AS milli
    FROM jsonb_array_elements(v_closed) e GROUP BY 1, 2, 3 ORDER BY 3, 1, 2
  LOOP
    UPDATE user_usage SET reserved = reserved - rec.units, used = used + rec.charged,
      used_milli = used_milli + rec.milli
    WHERE period_id = rec.period_id AND meter = rec.meter AND role_name = rec.owner;
  END LOOP;
  FOR rec IN
    SELECT (e->>'period_id')::bigint AS period_id, e->>'meter' AS meter,
      sum((e->>'units')::bigint) AS units, sum((e->>'charged_units')::bigint) AS charged,
      sum((e->>'charged_milli')::bigint) AS milli
    FROM jsonb_array_elements(v_closed) e GROUP BY 1, 2 ORDER BY 1, 2
  LOOP
    UPDATE usage SET reserved = reserved - rec.units, used = used + rec.charged,
      used_milli = used_milli + rec.milli
    WHERE period_id = rec.period_id AND meter = rec.meter;
    PERFORM _notify_usage(rec.meter);
  END LOOP;
  INSERT INTO api_call_logs (user_id, provider, action, reason, outcome, cost_units,
    cost_milli_credits, reservation_id)
  SELECT e->>'owner', CASE WHEN e->>'meter' = 'enrichment' THEN 'clay' ELSE 'modash' END,
    'expired-reservation', 'expired', 'expired_worst_case', (e->>'charged_units')::bigint,
    (e->>'charged_milli')::bigint, (e->>'id')::bigint
  FROM jsonb_array_elements(v_closed) e WHERE (e->>'charged_units')::bigint > 0;
  RETURN jsonb_array_length(v_closed);
END $$;

CREATE FUNCTION ${S}.quota_status()
RETURNS TABLE (meter text, used bigint, reserved bigint, used_milli bigint, monthly_limit bigint,
  my_used bigint, my_reserved bigint, my_cap bigint, month text, starts_at timestamptz,
  ends_at timestamptz, server_now timestamptz, team_id uuid)
LANGUAGE plpgsql ${DEFINER} AS $$
#variable_conflict use_column
DECLARE
  p periods;
BEGIN
  IF _has_stale() THEN PERFORM expire_stale(); END IF;
  p := _current_period();
  RETURN QUERY
  SELECT m.meter, coalesce(u.used, 0), coalesce(u.reserved, 0), coalesce(u.used_milli, 0),
    m.monthly_limit, coalesce(uu.used, 0), coalesce(uu.reserved, 0), c.monthly_cap, p.month,
    p.starts_at, p.ends_at, now(), (SELECT s.team_id FROM settings s WHERE s.id = 1)
  FROM meters m
  LEFT JOIN usage u ON u.period_id = p.id AND u.meter = m.meter
  LEFT JOIN user_usage uu ON uu.period_id = p.id AND uu.meter = m.meter
    AND uu.role_name = session_user
  LEFT JOIN user_caps c ON c.role_name = session_user AND c.meter = m.meter
  ORDER BY m.meter;
END $$;

CREATE FUNCTION ${S}.record_call(p_audit jsonb) RETURNS void LANGUAGE sql ${DEFINER} AS $$
  SELECT _audit(p_audit, 0, 0, NULL, NULL);
$$;
`

const ADMIN = `
CREATE FUNCTION ${S}.set_limit(p_meter text, p_limit bigint) RETURNS void
LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  UPDATE meters SET monthly_limit = p_limit, updated_at = now(), updated_by = session_user
  WHERE meter = p_meter;
  IF NOT FOUND THEN RAISE EXCEPTION 'Unknown meter %', p_meter USING ERRCODE = '22023'; END IF;
  PERFORM _notify_usage(p_meter);
END $$;

CREATE FUNCTION ${S}.set_user_cap(p_role text, p_meter text, p_cap bigint) RETURNS void
LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  IF p_cap IS NULL THEN
    DELETE FROM user_caps WHERE role_name = p_role AND meter = p_meter;
  ELSE
    INSERT INTO user_caps (role_name, meter, monthly_cap) VALUES (p_role, p_meter, p_cap)
    ON CONFLICT (role_name, meter) DO UPDATE SET monthly_cap = excluded.monthly_cap;
  END IF;
  PERFORM _notify_usage(p_meter);
END $$;

-- Takes effect when the running period ends (see _current_period).
CREATE FUNCTION ${S}.set_billing_cycle_day(p_day int) RETURNS void
LANGUAGE sql ${DEFINER} AS $$
  UPDATE settings SET billing_cycle_day = p_day WHERE id = 1;
$$;

CREATE FUNCTION ${S}.set_timeouts(p_reservation_seconds int, p_sent_seconds int,
  p_claim_seconds int) RETURNS void LANGUAGE sql ${DEFINER} AS $$
  UPDATE settings SET reservation_ttl_seconds = p_reservation_seconds,
    sent_ttl_seconds = p_sent_seconds, claim_ttl_seconds = p_claim_seconds WHERE id = 1;
$$;
`

const MANAGER_FUNCTIONS = [
  'reserve(text, bigint, bigint, text)',
  'mark_sent(bigint)',
  'settle(bigint, bigint, bigint, jsonb)',
  'release(bigint, jsonb)',
  'expire_stale()',
  'quota_status()',
  'record_call(jsonb)',
]

const ADMIN_FUNCTIONS = [
  'set_limit(text, bigint)',
  'set_user_cap(text, text, bigint)',
  'set_billing_cycle_day(int)',
  'set_timeouts(int, int, int)',
]

const PRIVATE_FUNCTIONS = [
  '_current_period()',
  '_has_stale()',
  '_move(bigint, text, text, bigint, bigint, bigint)',
  `_close(${S}.reservations, text, bigint, bigint)`,
  '_audit(jsonb, bigint, bigint, bigint, uuid)',
  '_locked_reservation(bigint)',
  '_notify_usage(text)',
]

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const teamLedger: Migration = {
  async up(db: Kysely<any>) {
    await sql
      .raw(
        [
          `SET LOCAL ROLE ${R.ledger};`,
          'ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;',
          HELPERS,
          LEDGER,
          ADMIN,
          grants(MANAGER_FUNCTIONS, ADMIN_FUNCTIONS, PRIVATE_FUNCTIONS),
          'RESET ROLE;',
        ].join('\n'),
      )
      .execute(db)
  },
}
