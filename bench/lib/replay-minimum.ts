import type { SandboxCreator } from '../../src/main/sandbox/dataset/generate-dataset'
import { COST_PER_REPORT, COST_PER_RESULT } from '../../src/main/sandbox/modash-emulator'
import type { Hit } from './replay-clients'
import type { ReplayAction, ReplayScript } from './replay-script'

const DAY_MS = 86_400_000
/** A report is fresh for 30 days; a Clay "not found" is trusted for 30 days. */
const REPORT_DAYS = 30
const NOT_FOUND_DAYS = 30

export interface MinimumSpend {
  modashMilliCredits: number
  searchMilliCredits: number
  reports: number
  clayCredits: number
}

/**
 * The least the month can cost, from the script's own ground truth rather than any client's
 * cache keys: each distinct search page (a brief and a page number, however it was written)
 * once, at what the provider charged for it; each creator's report once per 30 days; each email
 * lookup once, a "not found" again only after 30 days, and none where the report already
 * carried the address.
 */
export function minimumSpend(
  script: ReplayScript,
  pages: ReadonlyMap<number, Hit[]>,
  reached: readonly { action: ReplayAction; creator: string }[],
  dataset: readonly SandboxCreator[],
): MinimumSpend {
  const searchCost = new Map<string, number>()
  for (const a of script.actions) {
    if (a.kind !== 'search') continue
    searchCost.set(`${a.brief}:${a.page}`, (pages.get(a.id)?.length ?? 0) * COST_PER_RESULT)
  }
  const searchMilliCredits = [...searchCost.values()].reduce((n, c) => n + c, 0)

  const lastReport = new Map<string, number>()
  let reports = 0
  const byKey = new Map(dataset.map((c) => [`${c.platform}:${c.userId}`, c]))
  const lookups = new Map<string, { found: boolean; trustedUntil: number }>()
  let clayCredits = 0
  for (const { action, creator } of reached) {
    if (action.kind === 'report') {
      const last = lastReport.get(creator)
      if (last === undefined || action.at - last >= REPORT_DAYS * DAY_MS) {
        reports += 1
        lastReport.set(creator, action.at)
      }
      continue
    }
    const c = byKey.get(creator)
    if (!c) throw new Error(`no sandbox creator ${creator}`)
    if (c.contacts.length > 0) continue
    const known = lookups.get(creator)
    if (known && (known.found || action.at < known.trustedUntil)) continue
    clayCredits += 1
    lookups.set(creator, {
      found: c.clayEmail !== null,
      trustedUntil: action.at + NOT_FOUND_DAYS * DAY_MS,
    })
  }
  return {
    modashMilliCredits: searchMilliCredits + reports * COST_PER_REPORT,
    searchMilliCredits,
    reports,
    clayCredits,
  }
}
