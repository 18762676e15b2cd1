/**
 * Tables in the user's words, in the order a recovery report lists them: what they would miss
 * most first. A table not named here (added later) is listed last, its name put in words.
 */
const LABELS: ReadonlyArray<readonly [table: string, label: string]> = [
  ['lists', 'Lists'],
  ['list_members', 'Creators in lists (notes, tags, status)'],
  ['ledger_charges', 'Usage ledger (every paid call)'],
  ['usage_counters', 'Monthly usage totals'],
  ['quota_reservations', 'Paid calls that were under way'],
  ['api_call_logs', 'Audit log'],
  ['settings', 'Settings'],
  ['purchases', 'Paid answers as received from Modash and Clay'],
  ['creators', 'Cached creators, reports and emails'],
  ['search_pages', 'Cached search pages'],
  ['search_page_results', 'Creators on cached search pages'],
  ['search_requests', 'Search history'],
  ['clay_runs', 'Email lookups'],
  ['billing_cycle_changes', 'Billing-cycle history'],
  ['ledger_clock', "The usage ledger's clock"],
  ['balance_snapshots', 'Modash balance readings'],
  ['dictionary_cache', 'Filter suggestions (locations, languages, …)'],
  ['change_counters', 'Cache bookkeeping (what changed since the last search)'],
]

export function tableLabel(table: string): string {
  const named = LABELS.find(([t]) => t === table)?.[1]
  if (named !== undefined) return named
  // A table added later: its name in words ("bulk_jobs" → "Bulk jobs") rather than code.
  const words = table.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Sort key: the position in the list above, unknown tables after, by name. */
export function tableOrder(a: string, b: string): number {
  const rank = (t: string) => {
    const i = LABELS.findIndex(([name]) => name === t)
    return i === -1 ? LABELS.length : i
  }
  return rank(a) - rank(b) || a.localeCompare(b)
}
