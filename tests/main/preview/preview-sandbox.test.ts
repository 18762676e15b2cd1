import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runPreview } from '../../../src/main/preview/preview-main'
import { makeTempDir } from '../../helpers/temp-dir'
import { postIpc } from './http-client'

const tmp = makeTempDir()
const exportDir = join(tmp.dir, 'exports')
let preview: Awaited<ReturnType<typeof runPreview>>

beforeAll(async () => {
  preview = await runPreview({
    SANDBOX: '1',
    CREATOR_DATA_DIR: tmp.dir,
    EXPORT_DIR: exportDir,
    PREVIEW_PORT: '0',
    PREVIEW_RENDERER_DIR: join(tmp.dir, 'no-renderer'),
  })
}, 120_000)
afterAll(async () => {
  await preview?.close()
  tmp.cleanup()
})

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await postIpc(preview.url, channel, input)
  expect(res.status).toBe(200)
  const envelope = JSON.parse(res.body) as { ok: boolean; data: T; error?: unknown }
  expect(envelope.error).toBeUndefined()
  return envelope.data
}

describe('browser preview in sandbox mode', () => {
  it('runs the real services against the emulators, in the sandbox folder', async () => {
    const info = await call<{ mode: string; dataDir: string }>('app:info', {})
    expect(info.mode).toBe('sandbox')
    expect(info.dataDir).toBe(join(tmp.dir, 'sandbox'))
    const settings = await call<{ sandbox: boolean }>('settings:get', {})
    expect(settings.sandbox).toBe(true)
  })

  it('answers malformed input with a VALIDATION envelope and unknown channels with 404', async () => {
    const bad = await postIpc(preview.url, 'creators:get', { creatorId: -1 })
    expect(bad.status).toBe(200)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect((await postIpc(preview.url, 'emulator:inject-faults', {})).status).toBe(404)
  })

  it('searches sample creators, lists them and exports the list into EXPORT_DIR', async () => {
    const found = await call<{ creators: { id: number }[]; source: string }>('creators:search', {
      platform: 'instagram',
      filters: {},
      page: 0,
    })
    expect(found.creators.length).toBeGreaterThan(0)
    const list = await call<{ id: number }>('lists:create', { name: 'Sample picks' })
    const ids = found.creators.slice(0, 3).map((c) => c.id)
    await call('lists:add', { listId: list.id, creatorIds: ids })
    const exported = await call<{ path: string; rows: number }>('export:csv', {
      listId: list.id,
      bom: true,
    })
    expect(exported.rows).toBe(ids.length)
    expect(exported.path.startsWith(exportDir)).toBe(true)
    expect(readFileSync(exported.path, 'utf8')).toContain('Profile URL')
  })

  it('exports a selection of cached creators into EXPORT_DIR, without a dialog', async () => {
    const found = await call<{ creators: { id: number }[] }>('creators:search', {
      platform: 'tiktok',
      filters: {},
      page: 0,
    })
    const ids = found.creators.slice(0, 5).map((c) => c.id)
    const exported = await call<{ path: string; rows: number }>('export:csv', { creatorIds: ids })
    expect(exported.rows).toBe(ids.length)
    expect(exported.path.startsWith(exportDir)).toBe(true)
    expect(readFileSync(exported.path, 'utf8').split('\r\n')[0]).toMatch(/^Platform,Handle,/)
  })

  it('keeps the sample database out of the real data folder', () => {
    expect(readdirSync(join(tmp.dir, 'sandbox')).some((f) => f.endsWith('.sqlite'))).toBe(true)
    expect(readdirSync(tmp.dir).some((f) => f.endsWith('.sqlite'))).toBe(false)
  })

  it('reports key status without keys, and never exposes sandbox credentials', async () => {
    const res = await postIpc(preview.url, 'keys:status', {})
    expect(res.body).not.toContain('sandbox-modash-token')
    expect(res.body).not.toContain('sandbox-clay-key')
    const test = await call<{ ok: boolean; message: string }>('keys:test', { key: 'modash' })
    expect(test.ok).toBe(true)
    expect(existsSync(exportDir)).toBe(true)
  })
})
