import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { exportFolder } from '../../../src/main/app/export-folder'
import { startServices } from '../../../src/main/app/start-services'
import type { RunningServices } from '../../../src/main/app/start-services'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { openKeyStore } from '../../../src/main/keychain'
import type { Envelope } from '../../../src/shared/errors'
import type { Channel, ChannelInput, ChannelResult } from '../../../src/shared/ipc-contract'
import {
  damageHeader,
  damagePage,
  FIXTURE_NOW,
  fillDatabase,
  leafPages,
} from '../../helpers/damaged-db'
import type { FilledDatabase } from '../../helpers/damaged-db'
import { ManualClock } from '../../helpers/manual-clock'
import { makeTempDir } from '../../helpers/temp-dir'
import { memoryKeychain } from '../../reliability/helpers/memory-keychain'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** SQLite's own words, which must never reach the user. */
const RAW_SQLITE = /not a database|malformed|disk image|SQLITE_|corrupt/i

async function start(dir: string, firstBackupDelayMs = 60_000): Promise<RunningServices> {
  const services = await startServices({
    baseDataDir: dir,
    mode: 'real',
    keys: openKeyStore({ backend: memoryKeychain, env: {} }),
    // Nothing listens there: no test reaches a provider.
    env: {
      MODASH_API_BASE_URL: 'http://127.0.0.1:9/v1',
      CLAY_API_BASE_URL: 'http://127.0.0.1:9/v0',
    },
    choosePath: exportFolder(join(dir, 'exports')),
    version: 'test',
    clock: new ManualClock(FIXTURE_NOW),
    firstBackupDelayMs,
  })
  cleanups.push(() => services.close())
  return services
}

/** One IPC call as the renderer makes it: the envelope it gets. */
function call<C extends Channel>(
  services: RunningServices,
  channel: C,
  input: ChannelInput<C>,
): Promise<Envelope<ChannelResult<C>>> {
  return dispatch(services.handlers, channel, input) as Promise<Envelope<ChannelResult<C>>>
}

async function data<C extends Channel>(
  services: RunningServices,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelResult<C>> {
  const envelope = await call(services, channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`)
  return envelope.data
}

async function filled(creators = 60): Promise<{ dir: string; db: FilledDatabase }> {
  const tmp = makeTempDir('creator-desk-session-')
  cleanups.push(tmp.cleanup)
  return { dir: tmp.dir, db: await fillDatabase(tmp.dir, { creators }) }
}

const listNames = (db: FilledDatabase) => db.lists.map((l) => l.name).sort()

describe('the app on a damaged database', () => {
  it('starts, says so in plain words, and recovers in place through the handler table', async () => {
    const { dir, db } = await filled()
    damageHeader(db.path)

    const services = await start(dir)

    const status = await data(services, 'db:status', {})
    expect(status).toMatchObject({ state: 'damaged', file: db.path, backups: [] })
    expect(status.problem).toMatch(/damage in its database file when it started/)
    // Every screen that needs the database gets the same plain words, never SQLite's.
    const lists = await call(services, 'lists:list', {})
    expect(lists).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', details: { storage: 'damaged' } },
    })
    expect(JSON.stringify(lists)).not.toMatch(RAW_SQLITE)
    expect(JSON.stringify(lists)).not.toMatch(/Something went wrong/)
    // What does not need it still works.
    expect((await call(services, 'keys:status', {})).ok).toBe(true)
    expect((await call(services, 'app:info', {})).ok).toBe(true)

    const report = await data(services, 'db:recover', {})

    expect(report.keptAt.startsWith(`${db.path}.damaged-`)).toBe(true)
    expect(report.tables.every((t) => t.complete)).toBe(true)
    expect(await data(services, 'db:status', {})).toMatchObject({ state: 'ok' })
    const recovered = await data(services, 'lists:list', {})
    expect(recovered.map((l) => l.name).sort()).toEqual(listNames(db))
    expect((await services.core.usage.quota()).meters).toEqual(db.quota.meters)
  })

  it('turns a SQLITE_CORRUPT met while working into the damaged state, and recovers the open database', async () => {
    const { dir, db } = await filled(200)
    const services = await start(dir)
    expect(await data(services, 'db:status', {})).toMatchObject({ state: 'ok' })
    const leaf = leafPages(db.path, 'creators')[20]
    if (!leaf) throw new Error('the fixture is too small')
    // The disk goes bad under the running app. Another program's write makes the app's
    // connection drop its page cache, as SQLite does in WAL mode, so the next read goes to disk.
    damagePage(db.path, leaf.pageno)
    const other = new BetterSqlite3(db.path)
    other.prepare("INSERT INTO settings (key, value_json) VALUES ('touch', '1')").run()
    other.close()

    const read = await call(services, 'creators:get', { creatorId: leaf.rowids[0] ?? 0 })

    expect(read).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', details: { storage: 'damaged' } },
    })
    expect(JSON.stringify(read)).not.toMatch(RAW_SQLITE)
    const status = await data(services, 'db:status', {})
    expect(status).toMatchObject({ state: 'damaged' })
    expect(status.problem).toMatch(/while working/)
    // Whatever is still readable keeps working until the user recovers.
    expect((await data(services, 'lists:list', {})).map((l) => l.name).sort()).toEqual(
      listNames(db),
    )

    const report = await data(services, 'db:recover', {})

    expect(report.tables.find((t) => t.table === 'creators')).toMatchObject({
      lost: leaf.cells,
      complete: false,
    })
    expect(await data(services, 'db:status', {})).toMatchObject({ state: 'ok' })
    expect((await data(services, 'lists:list', {})).map((l) => l.name).sort()).toEqual(
      listNames(db),
    )
  })

  it('refuses to "recover" a sound database', async () => {
    const { dir, db } = await filled(10)
    const services = await start(dir)
    expect(await call(services, 'db:recover', {})).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION' },
    })
    expect(readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([])
    expect((await data(services, 'lists:list', {})).map((l) => l.name).sort()).toEqual(
      listNames(db),
    )
  })
})

describe('backups through the app', () => {
  it('takes the day’s backup in the background after start, and restores it on request', async () => {
    const { dir, db } = await filled(30)
    const services = await start(dir, 0)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await services.session.backupIdle()
    const { backups } = await data(services, 'db:status', {})
    expect(backups).toEqual([
      {
        name: 'creator-desk-2026-11-20.sqlite',
        takenAt: FIXTURE_NOW,
        sizeBytes: expect.any(Number) as unknown,
      },
    ])
    await data(services, 'lists:create', { name: 'After the backup' })

    const report = await data(services, 'db:restore-backup', { name: backups[0]?.name ?? '' })

    expect(report.keptAt?.startsWith(`${db.path}.replaced-`)).toBe(true)
    expect(report.summary).toMatch(/^Restored the backup from 2026-11-20/)
    const names = (await data(services, 'lists:list', {})).map((l) => l.name).sort()
    expect(names).toEqual(listNames(db))
  })
})
