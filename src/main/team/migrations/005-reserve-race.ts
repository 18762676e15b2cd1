import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { TEAM_SCHEMA as S } from '../names'

/**
 * `reserve` refused a reservation it should have taken when the month's first reservations of
 * a meter came at once. Its first UPDATE found no usage row yet (another laptop was inserting
 * it), but by the time it asked whether the row existed the other laptop had committed it, so
 * it skipped the retry and answered "limit reached" ("0 left of 0" with no limit set). Now the
 * first miss always ensures the row (`INSERT … ON CONFLICT DO NOTHING`) and tries once more;
 * only a second miss, which is the limit or the cap, refuses. The same for a manager's row.
 * The function is otherwise the one of migration 003, replaced in place: released migrations are
 * never edited.
 */
const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, ${S}, pg_temp`

const RESERVE = `
CREATE OR REPLACE FUNCTION ${S}.reserve(p_meter text, p_units bigint, p_worst_milli bigint,
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
    IF attempt = 1 THEN
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
    IF attempt = 1 THEN
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
`

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const teamReserveRace: Migration = {
  async up(db: Kysely<any>) {
    await sql.raw(RESERVE).execute(db)
  },
}
