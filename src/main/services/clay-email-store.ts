import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { addDays } from './clock'

/** How long a Clay "not found" is trusted before a new (paid) lookup is allowed. */
export const NOT_FOUND_TTL_DAYS = 30

/** What Clay's answer tells about the creator's email, kept so it is never bought again. */
export async function storeClayEmail(
  trx: Kysely<Database>,
  creatorId: number,
  email: string,
  now: string,
): Promise<void> {
  await trx
    .updateTable('creators')
    .set({
      email,
      email_found: 1,
      email_source: 'clay',
      email_status: 'found',
      clay_enriched_at: now,
      email_not_found_until: null,
    })
    .where('id', '=', creatorId)
    .execute()
}

/** Only for a real "no email" (the email column was there, and empty): never for a set-up error. */
export async function rememberNotFound(
  trx: Kysely<Database>,
  creatorId: number,
  now: string,
): Promise<void> {
  await trx
    .updateTable('creators')
    .set({
      email_found: 0,
      email_status: 'not_found',
      clay_enriched_at: now,
      email_not_found_until: addDays(now, NOT_FOUND_TTL_DAYS),
    })
    .where('id', '=', creatorId)
    .execute()
}
