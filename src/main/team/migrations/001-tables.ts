import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { TEAM_ROLES as R, TEAM_SCHEMA as S } from '../names'

/**
 * The roles, the schema and every table of team mode.
 *
 * - Roles are created only when missing: they belong to the cluster, not the database, and
 *   survive a dropped database. The schema itself is created by the migrator, as the admin. The admin running the set-up joins the owner and ledger roles
 *   so that it can create objects as them (`SET LOCAL ROLE`); a superuser needs no membership.
 * - Tables are created as the owner role, so no object is owned by a login role.
 * - Money and units are `bigint`: counts of results, reports and lookups, and Modash
 *   milli-credits; never a float.
 * - `purchases.xid` is the writing transaction's id, for the change cursor (`feed.ts`): a
 *   sequence number is taken at INSERT, not at COMMIT, so it cannot order what committed.
 * - `api_call_logs` is partitioned by month: it grows fastest, and an old month is then cheap to
 *   keep or drop. Identity columns on partitioned tables need PostgreSQL 17, so its id comes
 *   from a plain sequence.
 */
const ROLES = `
DO $roles$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${R.owner}') THEN
    CREATE ROLE ${R.owner} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${R.ledger}') THEN
    CREATE ROLE ${R.ledger} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${R.manager}') THEN
    CREATE ROLE ${R.manager} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${R.admin}') THEN
    CREATE ROLE ${R.admin} NOLOGIN IN ROLE ${R.manager};
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT ${R.owner}, ${R.ledger} TO %I', current_user);
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${R.manager}', current_database());
END
$roles$;
REVOKE ALL ON SCHEMA ${S} FROM PUBLIC;
GRANT USAGE ON SCHEMA ${S} TO ${R.manager};
-- The schema stays the admin's (giving it away would need CREATE on the database for the new
-- owner); the owner creates the tables in it, the ledger its functions.
GRANT USAGE, CREATE ON SCHEMA ${S} TO ${R.owner}, ${R.ledger};
GRANT SELECT ON ${S}.team_schema_migrations TO ${R.manager};
`

const TABLES = `
SET LOCAL ROLE ${R.owner};

CREATE TABLE ${S}.settings (
  id int PRIMARY KEY CHECK (id = 1),
  team_id uuid NOT NULL DEFAULT gen_random_uuid(),
  billing_cycle_day int NOT NULL DEFAULT 1 CHECK (billing_cycle_day BETWEEN 1 AND 28),
  -- A reservation not sent within this is released; one sent and never settled is counted at
  -- its worst case after the longer one (the laptop died during the call).
  reservation_ttl_seconds int NOT NULL DEFAULT 120 CHECK (reservation_ttl_seconds > 0),
  sent_ttl_seconds int NOT NULL DEFAULT 900 CHECK (sent_ttl_seconds > 0),
  -- A "purchase in progress" claim older than this is taken over by the next laptop.
  claim_ttl_seconds int NOT NULL DEFAULT 120 CHECK (claim_ttl_seconds > 0)
);
INSERT INTO ${S}.settings (id) VALUES (1);

CREATE TABLE ${S}.meters (
  meter text PRIMARY KEY CHECK (meter IN ('discovery', 'report', 'enrichment')),
  monthly_limit bigint CHECK (monthly_limit >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT session_user
);
INSERT INTO ${S}.meters (meter, monthly_limit)
VALUES ('discovery', 140000), ('report', 1400), ('enrichment', NULL);

CREATE TABLE ${S}.user_caps (
  role_name text NOT NULL,
  meter text NOT NULL REFERENCES ${S}.meters,
  monthly_cap bigint NOT NULL CHECK (monthly_cap >= 0),
  PRIMARY KEY (role_name, meter)
);

CREATE TABLE ${S}.periods (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  month text NOT NULL,
  starts_at timestamptz NOT NULL UNIQUE,
  ends_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);

CREATE TABLE ${S}.usage (
  period_id bigint NOT NULL REFERENCES ${S}.periods,
  meter text NOT NULL REFERENCES ${S}.meters,
  used bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
  reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  used_milli bigint NOT NULL DEFAULT 0 CHECK (used_milli >= 0),
  PRIMARY KEY (period_id, meter)
);

CREATE TABLE ${S}.user_usage (
  period_id bigint NOT NULL REFERENCES ${S}.periods,
  meter text NOT NULL REFERENCES ${S}.meters,
  role_name text NOT NULL,
  used bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
  reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  used_milli bigint NOT NULL DEFAULT 0 CHECK (used_milli >= 0),
  PRIMARY KEY (period_id, meter, role_name)
);

CREATE TABLE ${S}.reservations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  period_id bigint NOT NULL REFERENCES ${S}.periods,
  meter text NOT NULL REFERENCES ${S}.meters,
  units bigint NOT NULL CHECK (units > 0),
  worst_milli bigint NOT NULL CHECK (worst_milli >= 0),
  owner text NOT NULL,
  purchase_key text,
  -- held → settled | released; held and sent → expired (counted at worst case) → settled.
  state text NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'settled', 'released', 'expired')),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  expires_at timestamptz NOT NULL,
  charged_units bigint NOT NULL DEFAULT 0 CHECK (charged_units >= 0),
  charged_milli bigint NOT NULL DEFAULT 0 CHECK (charged_milli >= 0),
  closed_at timestamptz
);
CREATE INDEX reservations_live ON ${S}.reservations (expires_at) WHERE state = 'held';

CREATE TABLE ${S}.purchases (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  purchase_key text NOT NULL,
  kind text NOT NULL,
  provider text NOT NULL CHECK (provider IN ('modash', 'clay')),
  meter text NOT NULL REFERENCES ${S}.meters,
  context jsonb NOT NULL,
  -- The body exactly as the provider sent it (JSON text): a later version can read it again.
  raw text,
  units bigint NOT NULL CHECK (units >= 0),
  milli_credits bigint NOT NULL CHECK (milli_credits >= 0),
  http_status int,
  reservation_id bigint UNIQUE REFERENCES ${S}.reservations,
  bought_by text NOT NULL,
  -- Server time when the call was sent: a laptop's clock decides nothing.
  bought_at timestamptz NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchases_feed ON ${S}.purchases (xid, seq);
CREATE INDEX purchases_key ON ${S}.purchases (purchase_key, bought_at DESC);

-- One row per thing ever bought or being bought: the latest purchase, and the claim of the
-- laptop buying it now (if any). The primary key is what makes "bought once per team" hold.
CREATE TABLE ${S}.purchase_keys (
  purchase_key text PRIMARY KEY,
  last_purchase_id uuid REFERENCES ${S}.purchases,
  last_bought_at timestamptz,
  claim_token uuid,
  claim_owner text,
  claim_expires_at timestamptz
);

CREATE SEQUENCE ${S}.api_call_logs_id_seq AS bigint;
CREATE TABLE ${S}.api_call_logs (
  id bigint NOT NULL DEFAULT nextval('${S}.api_call_logs_id_seq'),
  created_at timestamptz NOT NULL DEFAULT now(),
  user_id text NOT NULL,
  provider text NOT NULL,
  action text NOT NULL,
  reason text NOT NULL,
  platform text,
  creator_ref text,
  outcome text NOT NULL,
  http_status int,
  duration_ms int NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
  cost_units bigint NOT NULL DEFAULT 0 CHECK (cost_units >= 0),
  cost_milli_credits bigint NOT NULL DEFAULT 0 CHECK (cost_milli_credits >= 0),
  cache_hit boolean NOT NULL DEFAULT false,
  saved_units bigint NOT NULL DEFAULT 0 CHECK (saved_units >= 0),
  reservation_id bigint,
  purchase_id uuid,
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
ALTER SEQUENCE ${S}.api_call_logs_id_seq OWNED BY ${S}.api_call_logs.id;
-- Rows of a month without its own partition land here rather than fail.
CREATE TABLE ${S}.api_call_logs_default PARTITION OF ${S}.api_call_logs DEFAULT;

-- Personal rows: each belongs to the role that wrote it (see 002-row-security).
CREATE TABLE ${S}.search_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner text NOT NULL DEFAULT current_user,
  platform text NOT NULL,
  filters jsonb NOT NULL,
  filters_hash text NOT NULL,
  page int NOT NULL,
  result_count int NOT NULL,
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_requests_owner ON ${S}.search_requests (owner, created_at);

CREATE TABLE ${S}.lists (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner text NOT NULL DEFAULT current_user,
  name text NOT NULL,
  shared boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner, name)
);

CREATE TABLE ${S}.list_members (
  list_id bigint NOT NULL REFERENCES ${S}.lists ON DELETE CASCADE,
  -- "platform:provider id": the same creator on every laptop, whatever its local row id.
  creator_ref text NOT NULL,
  status text NOT NULL DEFAULT 'new',
  tags jsonb NOT NULL DEFAULT '[]',
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (list_id, creator_ref)
);

CREATE TABLE ${S}.creator_notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner text NOT NULL DEFAULT current_user,
  creator_ref text NOT NULL,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner, creator_ref)
);

RESET ROLE;
`

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const teamTables: Migration = {
  async up(db: Kysely<any>) {
    await sql.raw(ROLES).execute(db)
    await sql.raw(TABLES).execute(db)
  },
}
