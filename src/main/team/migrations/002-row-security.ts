import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { TEAM_ROLES as R, TEAM_SCHEMA as S } from '../names'

/**
 * Who may read and write what, enforced by PostgreSQL itself, whatever the client does:
 *
 * - Team rows (limits, usage, reservations, purchases and claims, the audit log) are readable
 *   by every manager and writable by the ledger role only: managers get SELECT and no INSERT,
 *   UPDATE or DELETE, so the counters change only through the ledger's functions.
 * - Personal rows (search requests, notes) are their owner's only; a list is its owner's, and
 *   readable by the team once shared; a list's members follow their list.
 * - Every table has row-level security ENABLEd and FORCEd (FORCE makes it bind the table's owner
 *   too). Policies test `current_user`, the role the manager signed in as, never a session
 *   variable a client could set.
 * - Managers get nothing on the audit log's partitions: policies are checked on the table a
 *   query names, so a partition read directly would skip the parent's.
 */
const TEAM_TABLES = [
  'settings',
  'meters',
  'user_caps',
  'periods',
  'usage',
  'user_usage',
  'reservations',
  'purchases',
  'purchase_keys',
  'api_call_logs',
] as const

const PERSONAL_TABLES = ['search_requests', 'lists', 'list_members', 'creator_notes'] as const

const teamTable = (t: string) => `
ALTER TABLE ${S}.${t} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${S}.${t} FORCE ROW LEVEL SECURITY;
CREATE POLICY team_reads ON ${S}.${t} FOR SELECT TO ${R.manager} USING (true);
CREATE POLICY ledger_writes ON ${S}.${t} FOR ALL TO ${R.ledger} USING (true) WITH CHECK (true);
REVOKE ALL ON ${S}.${t} FROM PUBLIC;
GRANT SELECT ON ${S}.${t} TO ${R.manager};
GRANT SELECT, INSERT, UPDATE, DELETE ON ${S}.${t} TO ${R.ledger};
`

const PERSONAL = `
${PERSONAL_TABLES.map(
  (t) => `
ALTER TABLE ${S}.${t} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${S}.${t} FORCE ROW LEVEL SECURITY;
REVOKE ALL ON ${S}.${t} FROM PUBLIC;`,
).join('\n')}

CREATE POLICY own_rows ON ${S}.search_requests FOR ALL TO ${R.manager}
  USING (owner = current_user) WITH CHECK (owner = current_user);
GRANT SELECT, INSERT, DELETE ON ${S}.search_requests TO ${R.manager};

CREATE POLICY own_notes ON ${S}.creator_notes FOR ALL TO ${R.manager}
  USING (owner = current_user) WITH CHECK (owner = current_user);
GRANT SELECT, INSERT, UPDATE, DELETE ON ${S}.creator_notes TO ${R.manager};

CREATE POLICY read_own_or_shared ON ${S}.lists FOR SELECT TO ${R.manager}
  USING (owner = current_user OR shared);
CREATE POLICY insert_own ON ${S}.lists FOR INSERT TO ${R.manager}
  WITH CHECK (owner = current_user);
CREATE POLICY update_own ON ${S}.lists FOR UPDATE TO ${R.manager}
  USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY delete_own ON ${S}.lists FOR DELETE TO ${R.manager}
  USING (owner = current_user);
GRANT SELECT, INSERT, UPDATE, DELETE ON ${S}.lists TO ${R.manager};

-- The subquery reads lists under the reader's own policies: visible list, visible members.
CREATE POLICY read_with_list ON ${S}.list_members FOR SELECT TO ${R.manager}
  USING (EXISTS (SELECT 1 FROM ${S}.lists l WHERE l.id = list_id));
CREATE POLICY write_own_list ON ${S}.list_members FOR ALL TO ${R.manager}
  USING (EXISTS (SELECT 1 FROM ${S}.lists l WHERE l.id = list_id AND l.owner = current_user))
  WITH CHECK (EXISTS (SELECT 1 FROM ${S}.lists l WHERE l.id = list_id AND l.owner = current_user));
GRANT SELECT, INSERT, UPDATE, DELETE ON ${S}.list_members TO ${R.manager};
`

const PARTITIONS = `
ALTER TABLE ${S}.api_call_logs_default ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${S}.api_call_logs_default FORCE ROW LEVEL SECURITY;
REVOKE ALL ON ${S}.api_call_logs_default FROM PUBLIC;
REVOKE ALL ON SEQUENCE ${S}.api_call_logs_id_seq FROM PUBLIC;
GRANT USAGE ON SEQUENCE ${S}.api_call_logs_id_seq TO ${R.ledger};
`

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const teamRowSecurity: Migration = {
  async up(db: Kysely<any>) {
    const statements = [
      `SET LOCAL ROLE ${R.owner};`,
      ...TEAM_TABLES.map(teamTable),
      PERSONAL,
      PARTITIONS,
      'RESET ROLE;',
    ]
    await sql.raw(statements.join('\n')).execute(db)
  },
}
