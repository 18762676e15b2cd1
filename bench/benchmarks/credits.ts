import { createClayClient } from '../../src/main/providers/clay/clay-client'
import { createModashClient } from '../../src/main/providers/modash/modash-client'
import { startClayEmulator } from '../../src/main/sandbox/clay-emulator'
import type { SandboxCreator } from '../../src/main/sandbox/dataset/generate-dataset'
import {
  COST_PER_REPORT,
  COST_PER_RESULT,
  startModashEmulator,
} from '../../src/main/sandbox/modash-emulator'
import { billingPeriod } from '../../src/main/services/billing-period'
import { SANDBOX_CLAY_MAPPING } from '../../src/main/services/clay-mapping'
import { createCore } from '../../src/main/services/create-core'
import type { UsageStats } from '../../src/shared/domain'
import { SettableClock } from '../lib/clock'
import type { BenchContext } from '../lib/context'
import { BENCH_SEED, benchPool } from '../lib/dataset'
import type { Figure, Section } from '../lib/report'
import { literalHashClient, ROUTINE, serviceClient, uncachedClient } from '../lib/replay-clients'
import type { Hit, ReplayClient } from '../lib/replay-clients'
import { replayScript } from '../lib/replay-script'
import type { ReplayAction, ReplayScript } from '../lib/replay-script'
import { minimumSpend } from '../lib/replay-minimum'
import { int, ratio } from '../lib/stats'
import { tempDir } from '../lib/temp'

const START = Date.parse('2026-03-01T00:00:00.000Z')
const MODASH_BALANCE = 1_000_000_000_000
const CLAY_BALANCE = 1_000_000_000

/** What one way of running the month spent, and what each action resolved to. */
interface WayResult {
  modashMilliCredits: number
  searchMilliCredits: number
  searchCalls: number
  reportCalls: number
  clayCredits: number
  clayRuns: number
  /** Per search action id, the page it returned. */
  pages: Map<number, Hit[]>
  /** Per report/email action, the creator it reached (`platform:userId`), in replay order. */
  reached: { action: ReplayAction; creator: string }[]
  skipped: number
}

/**
 * 2. Credit efficiency: the same month replayed three ways against fresh emulators, each with
 * its own token: the app; a client with no cache; a client caching searches by the literal
 * hash of the filters (the seed's level 1). The minimum is computed from the script itself.
 */
export async function creditsBench(ctx: BenchContext): Promise<Section> {
  const dataset = [...benchPool().values()].flat()
  const script = replayScript(dataset, ctx.quick ? 500 : 5000, BENCH_SEED)
  ctx.log(`credits: replaying ${int(script.actions.length)} actions three ways`)
  const ours = await runOurs(dataset, script)
  const uncached = await runWith(dataset, script, (m, c) => uncachedClient(m, c))
  const literal = await runWith(dataset, script, (m, c) => literalHashClient(uncachedClient(m, c)))
  const minimum = minimumSpend(script, uncached.way.pages, uncached.way.reached, dataset)
  const sameCreators =
    sameReach(ours.way, uncached.way) && sameReach(ours.way, literal.way) ? 'yes' : 'NO'

  const modash = (w: WayResult) => credits(w.modashMilliCredits)
  const figures: Figure[] = [
    {
      measure: `Modash credits for ${int(script.actions.length)} actions: Creator Desk`,
      value: `${modash(ours.way)} (${ratio(ours.way.modashMilliCredits / minimum.modashMilliCredits)} the minimum)`,
      baseline: `minimum ${credits(minimum.modashMilliCredits)}; no cache ${modash(uncached.way)}; literal hash ${modash(literal.way)}`,
      target: '≤ 1.00× the minimum',
      met: ours.way.modashMilliCredits <= minimum.modashMilliCredits,
    },
    {
      measure: 'of which searches (the only thing the literal hash caches)',
      value: credits(ours.way.searchMilliCredits),
      baseline: `minimum ${credits(minimum.searchMilliCredits)}; no cache ${credits(uncached.way.searchMilliCredits)}; literal hash ${credits(literal.way.searchMilliCredits)}`,
      target: '≤ the minimum',
      met: ours.way.searchMilliCredits <= minimum.searchMilliCredits,
    },
    {
      // The minimum buys each distinct page once; a search inside one already read to its
      // last page needs no page at all (`replay-contained.ts`).
      measure: 'saved below the per-page minimum: searches answered from a search read to its end',
      value: credits(minimum.searchMilliCredits - ours.way.searchMilliCredits),
      baseline: 'the per-page minimum saves 0',
      target: '> 0 credits',
      met: ours.way.searchMilliCredits < minimum.searchMilliCredits,
    },
    {
      measure: 'Clay credits (email lookups): Creator Desk',
      value: `${int(ours.way.clayCredits)} (${ratio(ours.way.clayCredits / Math.max(1, minimum.clayCredits))} the minimum)`,
      baseline: `minimum ${int(minimum.clayCredits)}; no cache ${int(uncached.way.clayCredits)}; literal hash ${int(literal.way.clayCredits)}`,
      target: '1.00× the minimum',
      met: ours.way.clayCredits === minimum.clayCredits,
    },
    ...agreement(ours.bench, ours.stats),
  ]
  return {
    id: 'credits',
    title: '2. Credit efficiency',
    figures,
    notes: [
      `replay: ${int(script.actions.length)} actions over 45 days from ${script.briefs.length} briefs ` +
        `(${countKinds(script.actions)}); ${ours.way.skipped} pointed past the end of a short page and were skipped by every client.`,
      `every client reached the same creators in the same order: ${sameCreators}.`,
    ],
    data: {
      actions: script.actions.length,
      minimum,
      ours: summary(ours.way),
      uncached: summary(uncached.way),
      literalHash: summary(literal.way),
      benchCounted: ours.bench,
      usageStats: ours.stats,
    },
  }
}

async function runOurs(dataset: SandboxCreator[], script: ReplayScript) {
  const emulators = await startEmulators(dataset)
  const tmp = tempDir('credits')
  const clock = new SettableClock(START)
  const core = await createCore({
    dataDir: tmp.dir,
    clock,
    modash: modashClient(emulators.modash.baseUrl),
    clay: clayClient(emulators.clay.baseUrl),
    clayRoutineId: () => ROUTINE,
    clayMapping: SANDBOX_CLAY_MAPPING,
    defaultUserId: 'bench',
  })
  try {
    await core.settings.set({
      limits: { discovery: 100_000_000, report: 1_000_000, enrichment: null },
    })
    // The usage screen shows one billing period; the month straddles two, so each is read
    // just before the clock leaves it and the two are added up.
    const periods: UsageStats[] = []
    let month = billingPeriod(clock.now(), 1).month
    const way = await replay(script, serviceClient(core), async (at) => {
      const next = billingPeriod(new Date(START + at), 1).month
      if (next !== month) {
        periods.push(await core.usage.stats())
        month = next
      }
      clock.set(START + at)
    })
    periods.push(await core.usage.stats())
    const spent = spend(emulators, way)
    return { way: spent, stats: addStats(periods), bench: benchCounted(spent, script) }
  } finally {
    await core.close()
    await emulators.close()
    tmp.remove()
  }
}

async function runWith(
  dataset: SandboxCreator[],
  script: ReplayScript,
  make: (
    modash: ReturnType<typeof modashClient>,
    clay: ReturnType<typeof clayClient>,
  ) => ReplayClient,
) {
  const emulators = await startEmulators(dataset)
  try {
    const client = make(modashClient(emulators.modash.baseUrl), clayClient(emulators.clay.baseUrl))
    const way = await replay(script, client, () => Promise.resolve())
    return { way: spend(emulators, way) }
  } finally {
    await emulators.close()
  }
}

type Replayed = Pick<WayResult, 'pages' | 'reached' | 'skipped'>

async function replay(
  script: ReplayScript,
  client: ReplayClient,
  beforeAction: (at: number) => Promise<void>,
): Promise<Replayed> {
  const pages = new Map<number, Hit[]>()
  const platforms = new Map<number, ReplayScript['briefs'][number]['platform']>()
  const reached: Replayed['reached'] = []
  let skipped = 0
  for (const action of script.actions) {
    await beforeAction(action.at)
    if (action.kind === 'search') {
      const brief = script.briefs[action.brief]
      if (!brief) throw new Error(`no brief ${action.brief}`)
      platforms.set(action.id, brief.platform)
      pages.set(action.id, await client.search(brief.platform, action.filters, action.page))
      continue
    }
    const hit = pages.get(action.ref.search)?.[action.ref.index]
    const platform = platforms.get(action.ref.search)
    if (!hit || !platform) {
      skipped += 1
      continue
    }
    reached.push({ action, creator: `${platform}:${hit.userId}` })
    if (action.kind === 'report') await client.report(platform, hit)
    else await client.email(platform, hit)
  }
  return { pages, reached, skipped }
}

async function startEmulators(dataset: SandboxCreator[]) {
  const modash = await startModashEmulator({
    dataset,
    tokens: { bench: MODASH_BALANCE },
    rateLimit: false,
  })
  const emails: Record<string, string | null> = {}
  for (const c of dataset) emails[c.username.toLowerCase()] = c.clayEmail
  const clay = await startClayEmulator({
    apiKeys: { bench: CLAY_BALANCE },
    routines: [ROUTINE],
    emails,
    pollsUntilDone: 0,
  })
  return {
    modash,
    clay,
    close: async () => {
      await modash.close()
      await clay.close()
    },
  }
}

function modashClient(baseUrl: string) {
  return createModashClient({
    baseUrl,
    token: () => 'bench',
    timeoutMs: 10_000,
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    limits: { searchPerSecond: 10_000, reportPerSecond: 10_000, usersPerSecond: 10_000 },
  })
}

function clayClient(baseUrl: string) {
  return createClayClient({
    baseUrl,
    apiKey: () => 'bench',
    timeoutMs: 10_000,
    poll: { initialDelayMs: 1, maxDelayMs: 5, timeoutMs: 10_000 },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  })
}

/** What the emulators charged, which is what the providers would have billed. */
function spend(emulators: Awaited<ReturnType<typeof startEmulators>>, way: Replayed): WayResult {
  const answered = emulators.modash.calls().filter((c) => c.status === 200)
  const searches = answered.filter((c) => c.route === 'search')
  return {
    ...way,
    modashMilliCredits: MODASH_BALANCE - emulators.modash.balance('bench'),
    searchMilliCredits: searches.reduce((n, c) => n + c.costMilliCredits, 0),
    searchCalls: searches.length,
    reportCalls: answered.filter((c) => c.route === 'report').length,
    clayCredits: CLAY_BALANCE - emulators.clay.credits('bench'),
    clayRuns: emulators.clay.runs().length,
  }
}

/** The usage screen's numbers, as the benchmark counts them without asking the app. */
export type CacheFigures = Pick<
  UsageStats,
  | 'cacheHits'
  | 'providerCalls'
  | 'cacheHitPerMille'
  | 'savedDiscoveryResults'
  | 'savedReports'
  | 'savedEnrichments'
>

/**
 * Counted from outside the app: every action that did not reach a provider was answered from
 * the cache, and saved what the provider would have charged for it.
 */
function benchCounted(way: WayResult, script: ReplayScript): CacheFigures {
  const searches = script.actions.filter((a) => a.kind === 'search')
  const reports = way.reached.filter((r) => r.action.kind === 'report').length
  const emails = way.reached.filter((r) => r.action.kind === 'email').length
  const actions = searches.length + reports + emails
  const providerCalls = way.searchCalls + way.reportCalls + way.clayRuns
  const resultsShown = searches.reduce((n, a) => n + (way.pages.get(a.id)?.length ?? 0), 0)
  return {
    cacheHits: actions - providerCalls,
    providerCalls,
    cacheHitPerMille: Math.round(((actions - providerCalls) * 1000) / actions),
    savedDiscoveryResults: resultsShown - way.searchMilliCredits / COST_PER_RESULT,
    savedReports: reports - way.reportCalls,
    savedEnrichments: emails - way.clayRuns,
  }
}

function addStats(periods: UsageStats[]): CacheFigures {
  const sum = (k: keyof CacheFigures) => periods.reduce((n, p) => n + p[k], 0)
  const hits = sum('cacheHits')
  const calls = sum('providerCalls')
  return {
    cacheHits: hits,
    providerCalls: calls,
    cacheHitPerMille: hits + calls === 0 ? 0 : Math.round((hits * 1000) / (hits + calls)),
    savedDiscoveryResults: sum('savedDiscoveryResults'),
    savedReports: sum('savedReports'),
    savedEnrichments: sum('savedEnrichments'),
  }
}

/** The benchmark's count beside the app's usage data, line by line. */
function agreement(bench: CacheFigures, app: CacheFigures): Figure[] {
  const saved = (f: CacheFigures) =>
    credits(f.savedDiscoveryResults * COST_PER_RESULT + f.savedReports * COST_PER_REPORT)
  const line = (measure: string, ours: string, theirs: string): Figure => ({
    measure,
    value: ours,
    baseline: `usage screen (\`usage.stats()\`): ${theirs}`,
    target: 'the same',
    met: ours === theirs,
  })
  return [
    line(
      'Cache hit rate (cache answers ÷ all lookups), counted by the benchmark',
      `${(bench.cacheHitPerMille / 10).toFixed(1)} % (${int(bench.cacheHits)} of ${int(bench.cacheHits + bench.providerCalls)})`,
      `${(app.cacheHitPerMille / 10).toFixed(1)} % (${int(app.cacheHits)} of ${int(app.cacheHits + app.providerCalls)})`,
    ),
    line(
      'Credits saved by the cache, counted by the benchmark',
      `Modash ${saved(bench)} (${int(bench.savedDiscoveryResults)} results, ${int(bench.savedReports)} reports); Clay ${int(bench.savedEnrichments)}`,
      `Modash ${saved(app)} (${int(app.savedDiscoveryResults)} results, ${int(app.savedReports)} reports); Clay ${int(app.savedEnrichments)}`,
    ),
  ]
}

function credits(milli: number): string {
  return `${(milli / 1000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} credits`
}

function sameReach(a: WayResult, b: WayResult): boolean {
  return (
    a.reached.length === b.reached.length &&
    a.reached.every((r, i) => r.creator === b.reached[i]?.creator)
  )
}

function countKinds(actions: ReplayAction[]): string {
  const n = (kind: ReplayAction['kind']) => actions.filter((a) => a.kind === kind).length
  return `${int(n('search'))} searches, ${int(n('report'))} profile opens, ${int(n('email'))} email lookups`
}

function summary(w: WayResult) {
  return {
    modashMilliCredits: w.modashMilliCredits,
    searchMilliCredits: w.searchMilliCredits,
    searchCalls: w.searchCalls,
    reportCalls: w.reportCalls,
    clayCredits: w.clayCredits,
    clayRuns: w.clayRuns,
    skipped: w.skipped,
  }
}
