import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportFolder } from '../../src/main/app/export-folder'
import { startServices } from '../../src/main/app/start-services'
import type { RunningServices } from '../../src/main/app/start-services'
import { MIN_SECRET_FRAGMENT } from '../../src/main/providers/scrub-secret'
import { DATABASE_FILE } from '../../src/main/db/database'
import { openKeyStore } from '../../src/main/keychain'
import { startPreviewServer } from '../../src/main/preview/preview-server'
import type { PreviewServer } from '../../src/main/preview/preview-server'
import { startClayEmulator } from '../../src/main/sandbox/clay-emulator'
import type { ClayEmulator } from '../../src/main/sandbox/clay-emulator'
import { startModashEmulator } from '../../src/main/sandbox/modash-emulator'
import type { ModashEmulator } from '../../src/main/sandbox/modash-emulator'
import { clayEmails, testDataset } from '../helpers/core-harness'
import { makeTempDir } from '../helpers/temp-dir'
import { captureOutput } from './helpers/capture-output'
import { recordFigures } from './helpers/figures'
import { memoryKeychain } from './helpers/memory-keychain'

/**
 * Part 5: a whole session with real keys set, through the app's own composition root and the
 * preview bridge, including provider errors that echo the key back. Afterwards the keys are
 * nowhere: not in the database or its WAL, not in any file of the data folder, not in an export,
 * not in what was printed, not in any answer the bridge gave.
 */

// Random per run, so a leak cannot hide behind a value some fixture happens to contain.
const MODASH_KEY = `mdsh_live_${randomBytes(16).toString('hex')}`
const CLAY_KEY = `clay_live_${randomBytes(16).toString('hex')}`
const ROUTINE = 'function:t_email'
const SECRETS = [MODASH_KEY, CLAY_KEY]

const tmp = makeTempDir('creator-desk-secrets-')
const responses: string[] = []
const files: string[] = []
let modashEmu: ModashEmulator
let clayEmu: ClayEmulator
let services: RunningServices | null = null
let preview: PreviewServer
let output: ReturnType<typeof captureOutput>

beforeAll(async () => {
  output = captureOutput()
  const dataset = testDataset()
  modashEmu = await startModashEmulator({
    dataset,
    tokens: { [MODASH_KEY]: 1_000_000_000 },
    rateLimit: false,
  })
  clayEmu = await startClayEmulator({
    apiKeys: { [CLAY_KEY]: 1000 },
    routines: [ROUTINE],
    emails: clayEmails(dataset),
    pollsUntilDone: 0,
  })
  services = await startServices({
    baseDataDir: tmp.dir,
    mode: 'real',
    keys: openKeyStore({ backend: memoryKeychain, env: {}, log: console.error }),
    env: { MODASH_API_BASE_URL: modashEmu.baseUrl, CLAY_API_BASE_URL: clayEmu.baseUrl },
    choosePath: exportFolder(join(tmp.dir, 'exports')),
    version: 'test',
  })
  preview = await startPreviewServer({
    handlers: services.handlers,
    rendererDir: join(tmp.dir, 'no-renderer'),
    port: 0,
    onUnexpected: (err) => console.error(err),
  })
})
afterAll(async () => {
  output?.restore()
  await preview?.close()
  await services?.close()
  await modashEmu?.close()
  await clayEmu?.close()
  tmp.cleanup()
})

/** One bridge call; every byte of the answer is kept to search. */
async function ipc(channel: string, input: unknown): Promise<{ ok: boolean; data?: unknown }> {
  const res = await fetch(`${preview.url}ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-preview-token': preview.token },
    body: JSON.stringify(input),
  })
  const body = await res.text()
  responses.push(JSON.stringify([...res.headers]), body)
  return JSON.parse(body) as { ok: boolean; data?: unknown }
}

async function data<T>(channel: string, input: unknown): Promise<T> {
  const envelope = await ipc(channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope)}`)
  return envelope.data as T
}

/** Every file under the data folder, read now (the WAL goes away when the database closes). */
function snapshotFiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) snapshotFiles(path)
    else files.push(`${path}\n${readFileSync(path).toString('latin1')}`)
  }
}

describe('secrets', () => {
  it('runs a whole session with keys set, including errors that echo the key', async () => {
    await data('keys:set', { key: 'modash', value: MODASH_KEY })
    await data('keys:set', { key: 'clay', value: CLAY_KEY })
    await data('keys:set', { key: 'clayRoutine', value: ROUTINE })
    // Settings → Clay: the emulated routine's columns, as a user maps them in real mode.
    await data('settings:set', {
      clayMapping: { inputs: { handle: 'Handle', platform: 'Platform' }, emailPath: 'Work Email' },
    })
    await data('keys:status', {})
    expect(await data('keys:test', { key: 'modash' })).toMatchObject({ ok: true })
    expect(await data('keys:test', { key: 'clay' })).toMatchObject({ ok: true })

    const page = await data<{ creators: { id: number }[] }>('creators:search', {
      platform: 'instagram',
      filters: {},
      page: 0,
    })
    const ids = page.creators.map((c) => c.id)
    for (const id of ids.slice(0, 5)) {
      await data('creators:select', { creatorId: id })
      await data('creators:enrich', { creatorId: id })
      await data('creators:get', { creatorId: id })
      await data('creators:picture', { creatorId: id })
    }
    await data('dictionaries:search', { platform: 'instagram', kind: 'languages', query: 'en' })
    const list = await data<{ id: number }>('lists:create', { name: 'Outreach' })
    await data('lists:add', { listId: list.id, creatorIds: ids })
    await data('lists:members', { listId: list.id })
    await data('export:csv', { listId: list.id })
    await data('export:csv', { creatorIds: ids, bom: true })
    await data('usage:quota', {})
    await data('usage:stats', {})
    await data('settings:get', {})
    await data('app:info', {})

    // A provider, or a proxy in front of it, that repeats the key back in its error.
    modashEmu.injectFaults('search', [{ kind: 'status', status: 400, code: MODASH_KEY }])
    await ipc('creators:search', { platform: 'tiktok', filters: {}, page: 0 })
    modashEmu.injectFaults('report', [{ kind: 'status', status: 401, code: MODASH_KEY }])
    await ipc('creators:select', { creatorId: ids[6], refresh: true })
    // Clay is asked only for a creator whose report holds no email.
    for (const id of ids.slice(7)) {
      const detail = await data<{ report: { contacts?: unknown[] } }>('creators:select', {
        creatorId: id,
      })
      if ((detail.report.contacts ?? []).length > 0) continue
      clayEmu.injectFaults('run', [
        { kind: 'respond', status: 401, body: { message: `Invalid key ${CLAY_KEY}` } },
      ])
      await ipc('creators:enrich', { creatorId: id })
      break
    }
    clayEmu.injectFaults('me', [
      { kind: 'respond', status: 403, body: { message: `Key ${CLAY_KEY} is not allowed` } },
    ])
    await ipc('keys:test', { key: 'clay' })
    modashEmu.injectFaults('userInfo', [{ kind: 'status', status: 401, code: MODASH_KEY }])
    await ipc('keys:test', { key: 'modash' })
    await data('usage:log', { page: 0, pageSize: 500 })

    // The bridge's own pages and a refused request.
    for (const path of ['', 'preview-bridge.js', 'missing.js']) {
      const res = await fetch(path === '' ? preview.pageUrl : `${preview.url}${path}`)
      responses.push(JSON.stringify([...res.headers]), await res.text())
    }
    snapshotFiles(tmp.dir)
    expect(modashEmu.calls().every((c) => c.auth === 'bearer')).toBe(true)
    // Every echoing fault was really served.
    expect(modashEmu.calls().filter((c) => c.fault === 'status')).toHaveLength(3)
    expect(clayEmu.calls().filter((c) => c.fault === 'respond')).toHaveLength(2)
  }, 60_000)

  it('leaves the keys nowhere but the keychain', async () => {
    await services?.close()
    services = null
    snapshotFiles(tmp.dir)
    output.restore()
    const places: [string, string][] = [
      ['the IPC and preview bridge answers', responses.join('\n')],
      ['the files of the data folder (database, WAL, exports, pictures)', files.join('\n')],
      ['what was printed', output.text()],
    ]
    expect(files.some((f) => f.startsWith(join(tmp.dir, DATABASE_FILE)))).toBe(true)
    expect(files.some((f) => f.startsWith(join(tmp.dir, `${DATABASE_FILE}-wal`)))).toBe(true)
    expect(files.some((f) => f.includes('.csv\n'))).toBe(true)
    for (const secret of SECRETS) {
      // Every 8-character window: a key cut short, its beginning alone, or re-wrapped still leaks.
      for (let i = 0; i + MIN_SECRET_FRAGMENT <= secret.length; i++) {
        const window = secret.slice(i, i + MIN_SECRET_FRAGMENT)
        for (const [where, text] of places) {
          expect(text.includes(window), `characters ${i}… of a key found in ${where}`).toBe(false)
        }
      }
    }
    recordFigures('secrets', {
      bridgeResponsesSearched: responses.length / 2,
      filesSearched: files.length,
      keysChecked: SECRETS.length,
    })
  })
})
