import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { CHANGE_CHANNEL, TEAM_ROLES as R, TEAM_SCHEMA as S } from '../names'
import { grants } from './function-grants'

/**
 * The shared cache: "bought once per team".
 *
 * - `claim_purchase` is the cross-machine lock: a row per purchase key, claimed by one laptop
 *   at a time with an expiry. A claim is a committed row, not a session's lock, so it needs no
 *   connection held during the provider call, survives a server restart, and is taken over by
 *   the next laptop once it expires (its owner crashed). The claim is an INSERT ... ON CONFLICT
 *   DO UPDATE whose WHERE is checked against the latest committed row, so a laptop that asks
 *   while another publishes either waits for that publish or sees its purchase: never both
 *   buy.
 * - `publish_purchase` writes the purchase, its claim's end, the audit row and the settlement
 *   of its reservation in one transaction: all or nothing. It is idempotent by purchase id, so
 *   a laptop that retries after a lost answer or a server crash never stores or counts twice.
 *   The purchase is dated by the server (when the reservation was marked sent).
 */
const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, ${S}, pg_temp`

const FUNCTIONS = `
CREATE FUNCTION ${S}.claim_purchase(p_key text, p_fresh_after timestamptz, p_token uuid)
RETURNS TABLE (status text, purchase_id uuid, holder text, holder_expires_at timestamptz,
  server_now timestamptz)
LANGUAGE plpgsql ${DEFINER} AS $$
#variable_conflict use_column
DECLARE
  k purchase_keys;
BEGIN
  -- A purchase bought at or after p_fresh_after is good enough; null: any purchase is.
  INSERT INTO purchase_keys AS pk (purchase_key, claim_token, claim_owner, claim_expires_at)
  SELECT p_key, p_token, session_user, now() + make_interval(secs => s.claim_ttl_seconds)
  FROM settings s WHERE s.id = 1
  ON CONFLICT (purchase_key) DO UPDATE SET claim_token = excluded.claim_token,
    claim_owner = excluded.claim_owner, claim_expires_at = excluded.claim_expires_at
  WHERE (pk.last_bought_at IS NULL
      OR (p_fresh_after IS NOT NULL AND pk.last_bought_at < p_fresh_after))
    AND (pk.claim_token IS NULL OR pk.claim_expires_at <= now() OR pk.claim_token = p_token)
  RETURNING pk.* INTO k;
  IF FOUND THEN
    RETURN QUERY SELECT 'claimed'::text, NULL::uuid, k.claim_owner, k.claim_expires_at, now();
    RETURN;
  END IF;
  SELECT * INTO k FROM purchase_keys WHERE purchase_key = p_key;
  IF k.last_bought_at IS NOT NULL
     AND (p_fresh_after IS NULL OR k.last_bought_at >= p_fresh_after) THEN
    RETURN QUERY SELECT 'bought'::text, k.last_purchase_id, NULL::text, NULL::timestamptz, now();
  ELSE
    RETURN QUERY SELECT 'busy'::text, NULL::uuid, k.claim_owner, k.claim_expires_at, now();
  END IF;
END $$;

CREATE FUNCTION ${S}.abandon_claim(p_key text, p_token uuid) RETURNS boolean
LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  UPDATE purchase_keys SET claim_token = NULL, claim_owner = NULL, claim_expires_at = NULL
  WHERE purchase_key = p_key AND claim_token = p_token;
  IF NOT FOUND THEN RETURN false; END IF;
  PERFORM pg_notify('${CHANGE_CHANNEL}', json_build_object('t', 'claim', 'key', p_key)::text);
  RETURN true;
END $$;

CREATE FUNCTION ${S}.publish_purchase(p jsonb)
RETURNS TABLE (status text, purchase_id uuid, bought_at timestamptz)
LANGUAGE plpgsql ${DEFINER} AS $$
#variable_conflict use_column
DECLARE
  v_id uuid := (p->>'id')::uuid;
  v_key text := p->>'key';
  v_meter text := p->>'meter';
  v_units bigint := (p->>'units')::bigint;
  v_milli bigint := (p->>'milliCredits')::bigint;
  v_token uuid := (p->>'claimToken')::uuid;
  r reservations;
  v_bought timestamptz;
BEGIN
  IF v_id IS NULL OR v_key IS NULL OR v_units IS NULL OR v_units < 0 OR v_milli IS NULL
     OR v_milli < 0 THEN
    RAISE EXCEPTION 'A purchase needs an id, a key and a charge' USING ERRCODE = '22023';
  END IF;
  -- Locks first, in the one order: the reservation, then (below) the key, then usage.
  IF p->>'reservationId' IS NOT NULL THEN
    r := _locked_reservation((p->>'reservationId')::bigint);
    IF v_units > r.units OR r.meter <> v_meter THEN
      RAISE EXCEPTION 'Purchase of % % units on a % reservation of %', v_units, v_meter,
        r.meter, r.units USING ERRCODE = '22023';
    END IF;
  ELSIF v_units > 0 THEN
    RAISE EXCEPTION 'A paid purchase needs its reservation' USING ERRCODE = '22023';
  END IF;
  v_bought := coalesce(r.sent_at, now());

  INSERT INTO purchases (id, purchase_key, kind, provider, meter, context, raw, units,
    milli_credits, http_status, reservation_id, bought_by, bought_at)
  VALUES (v_id, v_key, p->>'kind', p->>'provider', v_meter, coalesce(p->'context', '{}'),
    p->>'raw', v_units, v_milli, (p->>'httpStatus')::int, r.id, session_user, v_bought)
  ON CONFLICT (id) DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'duplicate'::text, v_id, pu.bought_at FROM purchases pu WHERE pu.id = v_id;
    RETURN;
  END IF;

  INSERT INTO purchase_keys AS pk (purchase_key, last_purchase_id, last_bought_at)
  VALUES (v_key, v_id, v_bought)
  ON CONFLICT (purchase_key) DO UPDATE SET
    last_purchase_id = CASE WHEN pk.last_bought_at IS NULL OR pk.last_bought_at <= v_bought
      THEN v_id ELSE pk.last_purchase_id END,
    last_bought_at = greatest(pk.last_bought_at, v_bought),
    claim_token = CASE WHEN pk.claim_token = v_token THEN NULL ELSE pk.claim_token END,
    claim_owner = CASE WHEN pk.claim_token = v_token THEN NULL ELSE pk.claim_owner END,
    claim_expires_at = CASE WHEN pk.claim_token = v_token THEN NULL ELSE pk.claim_expires_at END;

  PERFORM _audit(coalesce(p->'audit', '{}'), v_units, v_milli, r.id, v_id);
  -- Last, so the team's usage row is locked for the shortest time.
  IF r.id IS NOT NULL AND r.state <> 'settled' THEN
    PERFORM _close(r, 'settled', v_units, v_milli);
  END IF;
  PERFORM pg_notify('${CHANGE_CHANNEL}',
    json_build_object('t', 'purchase', 'key', v_key, 'meter', v_meter)::text);
  RETURN QUERY SELECT 'published'::text, v_id, v_bought;
END $$;
`

const MANAGER_FUNCTIONS = [
  'claim_purchase(text, timestamptz, uuid)',
  'abandon_claim(text, uuid)',
  'publish_purchase(jsonb)',
]

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const teamPurchases: Migration = {
  async up(db: Kysely<any>) {
    await sql
      .raw(
        [
          `SET LOCAL ROLE ${R.ledger};`,
          FUNCTIONS,
          grants(MANAGER_FUNCTIONS, [], []),
          'RESET ROLE;',
        ].join('\n'),
      )
      .execute(db)
  },
}
