import type { ClayApi } from '../../../src/main/providers/clay/clay-api'
import { createClayClient } from '../../../src/main/providers/clay/clay-client'
import type { ModashApi } from '../../../src/main/providers/modash/modash-api'
import { createModashClient } from '../../../src/main/providers/modash/modash-client'
import { CLAY_KEY, MODASH_TOKEN, startRig } from './rig'
import type { Rig } from './rig'

/** Per attempt; short so hangs and slow bodies are cheap, long enough for a loaded machine. */
export const FAULT_TIMEOUT_MS = 400
export const FAULT_RETRY = { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 }

/**
 * A rig for fault cases. Its clients are patient while a test fills the cache (a loaded machine
 * must not turn the setup into a timeout case), and give up quickly once `faultsFromNowOn()`
 * is called, so hangs and slow bodies stay cheap.
 */
export async function startFaultRig() {
  let quick = false
  const rig = await startRig({
    modashClient: { timeoutMs: 30_000 },
    clayClient: { timeoutMs: 30_000 },
    wrapClients: (patient, urls) => {
      const fast = {
        modash: createModashClient({
          baseUrl: urls.modash,
          token: () => MODASH_TOKEN,
          timeoutMs: FAULT_TIMEOUT_MS,
          retry: FAULT_RETRY,
          limits: { searchPerSecond: 1000, reportPerSecond: 1000, usersPerSecond: 1000 },
        }),
        clay: createClayClient({
          baseUrl: urls.clay,
          apiKey: () => CLAY_KEY,
          timeoutMs: FAULT_TIMEOUT_MS,
          retry: FAULT_RETRY,
          poll: { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 1200 },
        }),
      }
      const now = () => (quick ? fast : patient)
      const modash: ModashApi = {
        search: (...args) => now().modash.search(...args),
        report: (...args) => now().modash.report(...args),
        users: (...args) => now().modash.users(...args),
        dictionary: (...args) => now().modash.dictionary(...args),
        userInfo: () => now().modash.userInfo(),
      }
      const clay: ClayApi = {
        me: () => now().clay.me(),
        startRun: (...args) => now().clay.startRun(...args),
        waitForRun: (...args) => now().clay.waitForRun(...args),
      }
      return { modash, clay }
    },
  })
  return Object.assign(rig, {
    faultsFromNowOn: () => {
      quick = true
    },
  })
}

export type FaultRig = Awaited<ReturnType<typeof startFaultRig>>

/** Everything a failed call must leave as it was: the creators and the bought pages. */
export async function storedData(rig: Rig): Promise<string> {
  const creators = await rig.db.selectFrom('creators').selectAll().orderBy('id').execute()
  const pages = await rig.db.selectFrom('search_pages').selectAll().orderBy('id').execute()
  const results = await rig.db
    .selectFrom('search_page_results')
    .selectAll()
    .orderBy('search_page_id')
    .orderBy('position')
    .execute()
  return JSON.stringify({ creators, pages, results })
}

export async function auditRowsAfter(rig: Rig, id: number) {
  return rig.db.selectFrom('api_call_logs').selectAll().where('id', '>', id).orderBy('id').execute()
}

export async function lastAuditId(rig: Rig): Promise<number> {
  const row = await rig.db
    .selectFrom('api_call_logs')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}
