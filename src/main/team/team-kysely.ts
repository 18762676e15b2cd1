import type { Kysely } from 'kysely'

/**
 * The team database as Kysely sees it. Untyped on purpose: every query goes through the
 * ledger's functions or a hand-written statement (`sql`), whose rows are typed where they are
 * read, so a table interface would describe nothing that is used.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TeamKysely = Kysely<any>
