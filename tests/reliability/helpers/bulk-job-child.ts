import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { DATABASE_FILE } from '../../../src/main/db/database'
import { createClayClient } from '../../../src/main/providers/clay/clay-client'
import { createModashClient } from '../../../src/main/providers/modash/modash-client'
import type { ModashApi } from '../../../src/main/providers/modash/modash-api'
import { SANDBOX_CLAY_MAPPING } from '../../../src/main/services/clay-mapping'
import { createCore } from '../../../src/main/services/create-core'
import type { BulkJobChildConfig } from './bulk-job-config'

/**
 * A process running a bulk job (reports and emails for a page of creators) until it is killed:
 * by the test with SIGKILL at a random moment, or by itself right after a paid report answer
 * arrived and could not be stored (another connection holds the write lock). Bundled by
 * `bundle.ts`; configured by BULK_CHILD_CONFIG (JSON). Prints `job <id>` once the job started.
 */
async function main(): Promise<void> {
  const config = JSON.parse(process.env.BULK_CHILD_CONFIG ?? '') as BulkJobChildConfig
  const modash = createModashClient({
    baseUrl: config.modashBaseUrl,
    token: () => config.modashToken,
    retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 5 },
  })
  const clay = createClayClient({
    baseUrl: config.clayBaseUrl,
    apiKey: () => config.clayKey,
    poll: { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000 },
    retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 5 },
  })
  let reports = 0
  const locker = new BetterSqlite3(join(config.dataDir, DATABASE_FILE))
  const lockingModash: ModashApi = {
    ...modash,
    report: async (...args) => {
      const answer = await modash.report(...args)
      reports += 1
      if (reports === config.lockAfterReport) {
        locker.exec('BEGIN IMMEDIATE; CREATE TABLE held_lock (x);')
        // Long enough for the purchase routine to journal the answer and fail to store it.
        setTimeout(() => process.kill(process.pid, 'SIGKILL'), 400)
      }
      return answer
    },
  }
  const core = await createCore({
    dataDir: config.dataDir,
    clock: { now: () => new Date(config.now) },
    busyTimeoutMs: 50,
    modash: lockingModash,
    clay,
    clayRoutineId: () => config.routine,
    clayMapping: SANDBOX_CLAY_MAPPING,
    defaultUserId: 'bulk-child',
  })
  const page = await core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
  const ids = page.creators.slice(0, config.creators).map((c) => c.id)
  const preview = await core.bulk.preview({
    target: { creatorIds: ids },
    reports: true,
    emails: true,
  })
  const job = await core.bulk.start({
    target: { creatorIds: ids },
    reports: true,
    emails: true,
    title: 'Crash me',
    confirmed: {
      reports: preview.reports.toBuy,
      enrichments: preview.emails.lookups + preview.emails.lookupsAtMost,
    },
  })
  process.stdout.write(`job ${job.id}\n`)
  // Runs until killed.
  setInterval(() => undefined, 1000)
}

void main()
