import { existsSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { MEMBER_STATUSES } from '../../../src/shared/domain'
import { PAGE_SIZE } from '../../../src/shared/search-filters'
import { BULK_PREFIX, BULK_SIZE } from './crash-config'

export interface Reservation {
  meter: string
  units: number
  sent_at: string | null
}

/**
 * The database as the next start finds it, read with plain SQLite (which replays the WAL the
 * killed process left): its integrity, and the reservations that were open at the kill.
 */
export function inspectAfterCrash(path: string): {
  integrity: string[]
  foreignKeys: unknown[]
  reservations: Reservation[]
} | null {
  if (!existsSync(path)) return null
  const db = new BetterSqlite3(path)
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    )
    const foreignKeys = db.pragma('foreign_key_check') as unknown[]
    const hasLedger = db
      .prepare("SELECT 1 FROM sqlite_master WHERE name = 'quota_reservations'")
      .get()
    const reservations = hasLedger
      ? (db.prepare('SELECT meter, units, sent_at FROM quota_reservations').all() as Reservation[])
      : []
    return { integrity, foreignKeys, reservations }
  } finally {
    db.close()
  }
}

/** What a reservation that was on its way can have cost, per meter of the ledger. */
export function worstCase(reservations: Reservation[]) {
  const worst = { discovery: 0, report: 0, enrichment: 0, milliCredits: 0 }
  for (const r of reservations) {
    if (r.sent_at === null) continue
    if (r.meter === 'discovery') {
      worst.discovery += r.units
      worst.milliCredits += r.units * 10
    } else if (r.meter === 'report') {
      worst.report += r.units
      worst.milliCredits += r.units * 1000
    } else worst.enrichment += r.units
  }
  return worst
}

/**
 * Everything that would mean data was lost, duplicated or half written. Empty when all is well.
 */
export function dataProblems(path: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true })
  const problems: string[] = []
  const all = <T>(query: string) => db.prepare(query).all() as T[]
  try {
    for (const d of all<{ platform: string; provider_id: string }>(
      'SELECT platform, provider_id FROM creators GROUP BY 1, 2 HAVING count(*) > 1',
    ))
      problems.push(`creator ${d.platform}/${d.provider_id} stored twice`)
    for (const d of all<{ platform: string; handle: string }>(
      'SELECT platform, handle FROM creators WHERE handle IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1',
    ))
      problems.push(`handle ${d.platform}/${d.handle} held twice`)

    const creators = all<Record<string, unknown>>('SELECT * FROM creators')
    const batches = new Map<string, Record<string, unknown>[]>()
    for (const c of creators) {
      const id = String(c.provider_id)
      const basic = parse(c.basic_profile_json)
      if (c.has_basic_profile !== 1 || basic?.userId !== id)
        problems.push(`creator ${id}: basic profile missing or not its own`)
      if (c.has_detailed_profile === 1) {
        const report = parse(c.detailed_profile_json)
        if (report?.userId !== id || c.detailed_profile_fetched_at === null)
          problems.push(`creator ${id}: report half written`)
      } else if (c.detailed_profile_json !== null) problems.push(`creator ${id}: stray report`)
      if (c.email_found === 1 && !(typeof c.email === 'string' && c.email.includes('@')))
        problems.push(`creator ${id}: email found but not stored`)
      if (id.startsWith(BULK_PREFIX)) {
        const batch = id.split('-')[1] ?? ''
        batches.set(batch, [...(batches.get(batch) ?? []), c])
      }
    }
    for (const [batch, rows] of batches) {
      if (rows.length !== BULK_SIZE) problems.push(`bulk batch ${batch}: ${rows.length} rows`)
      const versions = new Set(rows.map((r) => r.followers))
      if (versions.size !== 1) problems.push(`bulk batch ${batch}: mixed versions`)
      for (const r of rows)
        if (!String(r.full_name).endsWith(`v${String(r.followers)}`))
          problems.push(`bulk creator ${String(r.provider_id)}: fields from two writes`)
    }

    for (const p of all<{ id: number; n: number; lo: number; hi: number }>(
      `SELECT search_page_id AS id, count(*) AS n, min(position) AS lo, max(position) AS hi
       FROM search_page_results GROUP BY search_page_id`,
    ))
      if (p.lo !== 0 || p.hi !== p.n - 1 || p.n > PAGE_SIZE)
        problems.push(`search page ${p.id}: positions ${p.lo}..${p.hi} for ${p.n} results`)
    // A bought page holds every result of the answer it was bought with (kept in `purchases`),
    // or it would serve a hole. A broad query's total is Modash's index size, not a count, so
    // the answer itself is the measure.
    for (const p of all<{ id: number; n: number; answered: number | null }>(
      `SELECT p.id,
         (SELECT count(*) FROM search_page_results r WHERE r.search_page_id = p.id) AS n,
         (SELECT coalesce(json_array_length(b.response_json, '$.directs'), 0)
                 + coalesce(json_array_length(b.response_json, '$.lookalikes'), 0)
            FROM purchases b
           WHERE b.purchase_key = 'search:' || p.platform || ':' || p.filters_hash || ':' || p.page
           ORDER BY b.bought_at DESC LIMIT 1) AS answered
       FROM search_pages p`,
    ))
      if (p.answered === null || p.n !== p.answered)
        problems.push(`search page ${p.id}: ${p.n} results stored of ${p.answered ?? 'no'} bought`)
    for (const m of all<{ status: string; tags_json: string }>('SELECT * FROM list_members'))
      if (
        !(MEMBER_STATUSES as readonly string[]).includes(m.status) ||
        !Array.isArray(parse(m.tags_json))
      )
        problems.push('list member half written')
    for (const r of all<{ run_id: string }>(
      'SELECT run_id FROM clay_runs WHERE (finished_at IS NULL) <> (outcome IS NULL)',
    ))
      problems.push(`clay run ${r.run_id} half finished`)
    for (const u of all<{ month: string }>(
      `SELECT month FROM usage_counters WHERE min(modash_discoveries_used, modash_reports_used,
         clay_enrichments_used, modash_millicredits_used) < 0`,
    ))
      problems.push(`usage for ${u.month} is negative`)
  } finally {
    db.close()
  }
  return problems
}

function parse(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'string') return null
  try {
    return JSON.parse(value) as Record<string, unknown>
  } catch {
    return null
  }
}
