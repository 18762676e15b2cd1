import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { DATABASE_FILE } from '../../../src/main/db/database'
import { createModashClient } from '../../../src/main/providers/modash/modash-client'
import type { ModashApi } from '../../../src/main/providers/modash/modash-api'
import { createCore } from '../../../src/main/services/create-core'
import { AppError } from '../../../src/shared/errors'
import type { JournalChildConfig } from './journal-config'

/**
 * The process killed between a paid answer and its cache write. Right after Modash answers (and
 * charged), another connection takes the database's write lock, so the store cannot happen; once
 * the purchase routine has said so, the process kills itself with SIGKILL, leaving exactly what a
 * crash at that moment leaves: the answer in the journal, a reservation marked sent, no cache rows.
 * Bundled by `bundle.ts`; configured by JOURNAL_CHILD_CONFIG (JSON).
 */
async function main(): Promise<void> {
  const config = JSON.parse(process.env.JOURNAL_CHILD_CONFIG ?? '') as JournalChildConfig
  const modash = createModashClient({
    baseUrl: config.modashBaseUrl,
    token: () => config.modashToken,
    retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 5 },
  })
  const locker = new BetterSqlite3(join(config.dataDir, DATABASE_FILE))
  const lockingModash: ModashApi = {
    ...modash,
    search: async (...args) => {
      const answer = await modash.search(...args)
      locker.exec('BEGIN IMMEDIATE; CREATE TABLE held_lock (x);')
      return answer
    },
  }
  const core = await createCore({
    dataDir: config.dataDir,
    clock: { now: () => new Date(config.now) },
    busyTimeoutMs: 50,
    modash: lockingModash,
    clay: {} as never,
    clayRoutineId: () => null,
    defaultUserId: 'journal-child',
  })
  try {
    await core.creators.search(config.search)
    process.stdout.write('stored\n')
  } catch (err) {
    process.stdout.write(`${err instanceof AppError ? err.code : 'other'}\n`)
  }
  process.kill(process.pid, 'SIGKILL')
}

void main()
