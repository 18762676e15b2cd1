import { createClayClient } from '../../../src/main/providers/clay/clay-client'
import { createModashClient } from '../../../src/main/providers/modash/modash-client'
import type { ModashSearchProfile } from '../../../src/main/providers/modash/schemas'
import { SANDBOX_CLAY_MAPPING } from '../../../src/main/services/clay-mapping'
import { createCore } from '../../../src/main/services/create-core'
import { upsertBasicProfiles } from '../../../src/main/services/creator-repository'
import { PLATFORMS } from '../../../src/shared/platforms'
import { BULK_BATCHES, BULK_PREFIX, BULK_SIZE } from './crash-config'
import type { CrashChildConfig } from './crash-config'
import { pick, seededRandom } from './random'

/**
 * The process the crash test kills. It works the database the way a busy user would, one paid
 * call at a time: bulk upserts, searches (bought or cached), reports, email lookups and list
 * edits, forever, until SIGKILL. It prints "ready" once the core is open.
 * Bundled by `bundle.ts`; configured by CRASH_CHILD_CONFIG (JSON).
 */
async function main(): Promise<void> {
  const config = JSON.parse(process.env.CRASH_CHILD_CONFIG ?? '') as CrashChildConfig
  const random = seededRandom(config.seed)
  // No retries and no timeouts in practice: the fault tests cover those; this child is about kills.
  const fast = { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 5 }
  const core = await createCore({
    dataDir: config.dataDir,
    clock: { now: () => new Date(config.now) },
    modash: createModashClient({
      baseUrl: config.modashBaseUrl,
      token: () => config.modashToken,
      timeoutMs: 60_000,
      retry: fast,
      limits: { searchPerSecond: 1000, reportPerSecond: 1000, usersPerSecond: 1000 },
    }),
    clay: createClayClient({
      baseUrl: config.clayBaseUrl,
      apiKey: () => config.clayKey,
      timeoutMs: 60_000,
      retry: fast,
      poll: { initialDelayMs: 2, maxDelayMs: 5, timeoutMs: 5000 },
    }),
    clayRoutineId: () => config.routine,
    clayMapping: SANDBOX_CLAY_MAPPING,
    defaultUserId: 'crash-child',
  })
  process.stdout.write('ready\n')
  const db = core.deps.db
  const creatorIds = async (where: 'any' | 'reported') => {
    const rows = await db
      .selectFrom('creators')
      .select('id')
      .where('provider_id', 'not like', `${BULK_PREFIX}%`)
      .$if(where === 'reported', (q) => q.where('has_detailed_profile', '=', 1))
      .execute()
    return rows.map((r) => r.id)
  }

  for (let step = 0; ; step++) {
    const action = pick(random, [
      'bulk',
      'search',
      'search',
      'report',
      'report',
      'enrich',
      'list',
    ] as const)
    try {
      if (action === 'bulk') await bulkUpsert(db, Math.floor(random() * BULK_BATCHES), step)
      if (action === 'search')
        await core.creators.search({
          platform: pick(random, PLATFORMS),
          page: Math.floor(random() * 8),
          filters: {
            influencer: { followers: { min: pick(random, [0, 5000, 20_000, 50_000, 100_000]) } },
            sort: { field: pick(random, ['followers', 'engagements'] as const) },
          },
        })
      if (action === 'report') {
        const ids = await creatorIds('any')
        if (ids.length > 0)
          await core.creators.select(pick(random, ids), { refresh: random() < 0.5 })
        // Tells the test a report was bought or served: the first run waits for one, so the
        // kills land in a database that holds real purchases however slow the machine is.
        if (ids.length > 0) process.stdout.write('report\n')
      }
      if (action === 'enrich') {
        const ids = await creatorIds('reported')
        if (ids.length > 0) await core.creators.enrich(pick(random, ids))
      }
      if (action === 'list') await editLists(core, await creatorIds('any'), random, step)
    } catch {
      // Refusals (not found, needs a report, …) are part of a normal day; only crashes count.
    }
  }
}

/** Writes one batch of synthetic creators, all at version `step`, in one transaction. */
async function bulkUpsert(
  db: Awaited<ReturnType<typeof createCore>>['deps']['db'],
  batch: number,
  step: number,
): Promise<void> {
  const profiles: ModashSearchProfile[] = Array.from({ length: BULK_SIZE }, (_, i) => ({
    userId: `${BULK_PREFIX}${batch}-${i}`,
    username: `bulk${batch}x${i}`,
    fullname: `Bulk ${batch}/${i} v${step}`,
    followers: step,
    engagements: step * 2,
  }))
  await db.transaction().execute(async (trx) => {
    await upsertBasicProfiles(trx, 'tiktok', profiles, new Date().toISOString())
  })
}

async function editLists(
  core: Awaited<ReturnType<typeof createCore>>,
  ids: number[],
  random: () => number,
  step: number,
): Promise<void> {
  const lists = await core.lists.list()
  const list = lists.length < 3 ? await core.lists.create(`List ${step}`) : pick(random, lists)
  if (ids.length === 0) return
  const some = ids.filter(() => random() < 0.2).slice(0, 40)
  if (some.length > 0) await core.lists.addCreators(list.id, some)
  const members = await core.lists.members(list.id)
  if (members.length > 0)
    await core.lists.updateMember({
      listId: list.id,
      creatorId: pick(random, members).creator.id,
      notes: `note ${step} ${'·'.repeat(Math.floor(random() * 200))}`,
      tags: [`t${step % 7}`],
    })
}

main().catch((err: unknown) => {
  process.stderr.write(`crash child failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
