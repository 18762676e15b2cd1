import type { Kysely } from 'kysely'
import type { Database } from '../../../src/main/db/schema'
import type { ClayEmulator } from '../../../src/main/sandbox/clay-emulator'
import type { ModashEmulator } from '../../../src/main/sandbox/modash-emulator'
import { COST_PER_REPORT, COST_PER_RESULT } from '../../../src/main/sandbox/modash-emulator'

/** What the app's ledger says was spent, over every month it holds. */
export interface Spend {
  discovery: number
  report: number
  enrichment: number
  milliCredits: number
}

export async function ledgerSpend(db: Kysely<Database>): Promise<Spend> {
  const rows = await db.selectFrom('usage_counters').selectAll().execute()
  const spend: Spend = { discovery: 0, report: 0, enrichment: 0, milliCredits: 0 }
  for (const r of rows) {
    spend.discovery += r.modash_discoveries_used
    spend.report += r.modash_reports_used
    spend.enrichment += r.clay_enrichments_used
    spend.milliCredits += r.modash_millicredits_used
  }
  return spend
}

export async function openReservations(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('quota_reservations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** What the emulators actually charged: the providers' side of the books. */
export function providerCharges(
  modash: Pick<ModashEmulator, 'calls'>,
  clay: Pick<ClayEmulator, 'credits'>,
  clayKey: string,
  clayStartCredits: number,
): Spend {
  let milliCredits = 0
  let results = 0
  let reports = 0
  for (const c of modash.calls()) {
    milliCredits += c.costMilliCredits
    if (c.route === 'search') results += c.costMilliCredits / COST_PER_RESULT
    if (c.route === 'report') reports += c.costMilliCredits / COST_PER_REPORT
  }
  return {
    discovery: results,
    report: reports,
    enrichment: clayStartCredits - clay.credits(clayKey),
    milliCredits,
  }
}

export function spendDiff(ledger: Spend, charged: Spend): Spend {
  return {
    discovery: ledger.discovery - charged.discovery,
    report: ledger.report - charged.report,
    enrichment: ledger.enrichment - charged.enrichment,
    milliCredits: ledger.milliCredits - charged.milliCredits,
  }
}
