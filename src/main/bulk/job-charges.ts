import type { Kysely, Selectable } from 'kysely'
import type { JobSpend } from '../../shared/bulk'
import type { BulkJobItemsTable, Database } from '../db/schema'
import { pagePurchaseKey, readPageTarget } from './page-target'

const NOTHING: JobSpend = { reports: 0, enrichments: 0, discovery: 0, milliCredits: 0 }

/**
 * What one item charged, read from what the purchase routine and the Clay lookups recorded, not
 * counted by the job itself: after a crash the job's own count would be lost, the audit log's
 * is not. A creator's charges are its audit rows after the item's mark; a page's are the
 * purchases of that page since the item started.
 */
export async function itemCharges(
  db: Kysely<Database>,
  item: Selectable<BulkJobItemsTable>,
): Promise<JobSpend> {
  if (item.started_at === null) return NOTHING
  if (item.creator_id !== null) {
    const rows = await db
      .selectFrom('api_call_logs')
      .select((eb) => [
        'provider',
        'action',
        eb.fn.sum<number>('cost_units').as('units'),
        eb.fn.sum<number>('cost_millicredits').as('milli'),
      ])
      .where('id', '>', item.audit_mark ?? 0)
      .where('creator_id', '=', item.creator_id)
      .groupBy(['provider', 'action'])
      .execute()
    const sum = (pick: (r: (typeof rows)[number]) => boolean, field: 'units' | 'milli') =>
      rows.filter(pick).reduce((total, r) => total + Number(r[field] ?? 0), 0)
    return {
      reports: sum((r) => r.provider === 'modash' && r.action === 'report', 'units'),
      enrichments: sum((r) => r.provider === 'clay', 'units'),
      discovery: 0,
      milliCredits: sum((r) => r.provider === 'modash', 'milli'),
    }
  }
  if (item.page_json === null) return NOTHING
  const bought = await db
    .selectFrom('purchases')
    .select((eb) => [
      eb.fn.sum<number>('units').as('units'),
      eb.fn.sum<number>('millicredits').as('milli'),
    ])
    .where('purchase_key', '=', pagePurchaseKey(readPageTarget(item.page_json)))
    .where('bought_at', '>=', item.started_at)
    .executeTakeFirst()
  return {
    reports: 0,
    enrichments: 0,
    discovery: Number(bought?.units ?? 0),
    milliCredits: Number(bought?.milli ?? 0),
  }
}
