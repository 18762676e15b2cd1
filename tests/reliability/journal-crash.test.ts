import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/main/db/database'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import { startModashEmulator } from '../../src/main/sandbox/modash-emulator'
import type { ModashEmulator } from '../../src/main/sandbox/modash-emulator'
import { createCore } from '../../src/main/services/create-core'
import { MODASH_TOKEN, testDataset } from '../helpers/core-harness'
import { makeTempDir } from '../helpers/temp-dir'
import { bundleForNode, NODE_MODULES } from './helpers/bundle'
import type { JournalChildConfig } from './helpers/journal-config'

/**
 * Part 2, the narrowest window: a process killed after Modash answered (and charged) but before
 * the page reached the cache. The next start must store the page from the journal, settle the
 * ledger to exactly what Modash charged (not the worst case), and never buy the page again.
 */

const NOW = '2026-11-10T12:00:00.000Z'
const search = {
  platform: 'instagram',
  page: 0,
  filters: { influencer: { followers: { min: 20_000 } } },
} as const
const tmp = makeTempDir('creator-desk-journal-')
let bundle: Awaited<ReturnType<typeof bundleForNode>>
let modashEmu: ModashEmulator

beforeAll(async () => {
  bundle = await bundleForNode(
    join(process.cwd(), 'tests', 'reliability', 'helpers', 'journal-child.ts'),
  )
  modashEmu = await startModashEmulator({
    dataset: testDataset(),
    tokens: { [MODASH_TOKEN]: 1_000_000_000 },
    rateLimit: false,
  })
})
afterAll(async () => {
  bundle?.remove()
  await modashEmu?.close()
  tmp.cleanup()
})

async function runChildUntilKilled(): Promise<string> {
  const config: JournalChildConfig = {
    dataDir: tmp.dir,
    modashBaseUrl: modashEmu.baseUrl,
    modashToken: MODASH_TOKEN,
    now: NOW,
    search,
  }
  const child = spawn(process.execPath, [bundle.file], {
    env: { ...process.env, NODE_PATH: NODE_MODULES, JOURNAL_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, sig) => resolve(sig)),
  )
  if (signal !== 'SIGKILL') throw new Error(`the child was not killed: ${out} ${err}`)
  return out.trim()
}

const noNetwork = new Proxy(
  {},
  { get: () => () => Promise.reject(new Error('the next start makes no provider call')) },
) as ModashApi

describe('a kill between the paid answer and the cache write', () => {
  it('is stored at the next start, settled to the real charge, and not bought again', async () => {
    expect(await runChildUntilKilled()).toBe('STORAGE')
    const charged = modashEmu.calls().reduce((sum, c) => sum + c.costMilliCredits, 0)
    expect(charged).toBe(150)
    expect(readdirSync(join(tmp.dir, `${DATABASE_FILE}.purchases`))).toHaveLength(1)

    const next = await createCore({
      dataDir: tmp.dir,
      clock: { now: () => new Date(NOW) },
      modash: noNetwork,
      clay: noNetwork as never,
      clayRoutineId: () => null,
      defaultUserId: 'verifier',
    })
    try {
      const quota = await next.usage.quota()
      expect(quota.meters.find((m) => m.meter === 'discovery')).toMatchObject({
        used: 15,
        reserved: 0,
      })
      expect(quota.modashMilliCreditsUsed).toBe(charged)
      const page = await next.creators.search(search)
      expect(page).toMatchObject({ source: 'cache', resultsCharged: 0 })
      expect(page.creators).toHaveLength(15)
      expect(readdirSync(join(tmp.dir, `${DATABASE_FILE}.purchases`))).toHaveLength(0)
      const audit = await next.usage.log({ page: 0, pageSize: 10, action: 'search' })
      expect(audit.rows.filter((r) => r.outcome === 'ok')).toMatchObject([
        { costUnits: 15, costMilliCredits: 150 },
      ])
    } finally {
      await next.close()
    }
    expect(modashEmu.calls().filter((c) => c.route === 'search')).toHaveLength(1)
  })
})
