/**
 * Names of the team database's objects. Fixed, never user input: SQL is written with them
 * directly. Roles are cluster-wide in PostgreSQL, so every name carries the app's prefix; one
 * cluster serves one team (a second team uses a server of its own, or a cluster of its own).
 */
export const TEAM_SCHEMA = 'creator_desk'

export const TEAM_ROLES = {
  /** Owns the schema and the tables; never logs in, never runs anything at run time. */
  owner: 'creator_desk_owner',
  /** Owns the ledger's SECURITY DEFINER functions: the only writer of usage and purchases. */
  ledger: 'creator_desk_ledger',
  /** The group every manager's login role is in: what a manager may do is granted here. */
  manager: 'creator_desk_manager',
  /** Managers who may set the team's limits and per-user caps. */
  admin: 'creator_desk_admin',
} as const

/** LISTEN/NOTIFY channel: "something changed, pull now" (never the data itself). */
export const CHANGE_CHANNEL = 'creator_desk_changes'

/** Kysely's migration table, inside the team schema. */
export const MIGRATION_TABLE = 'team_schema_migrations'
export const MIGRATION_LOCK_TABLE = 'team_schema_migrations_lock'

/** A manager's login role: lower-case letters, digits and underscores, starting with a letter. */
export const MANAGER_NAME = /^[a-z][a-z0-9_]{1,39}$/
