import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readyLine, runPreview } from '../../../src/main/preview/preview-main'
import { makeTempDir } from '../../helpers/temp-dir'
import { postIpc } from './http-client'

const tmp = makeTempDir()
const exportDir = join(tmp.dir, 'exports')
const TOKEN = 'sandbox-test-token-0123456789abcdef'
let preview: Awaited<ReturnType<typeof runPreview>>

beforeAll(async () => {
  preview = await runPreview({
    SANDBOX: '1',
    CREATOR_DATA_DIR: tmp.dir,
    EXPORT_DIR: exportDir,
    PREVIEW_PORT: '0',
    PREVIEW_TOKEN: TOKEN,
    PREVIEW_RENDERER_DIR: join(tmp.dir, 'no-renderer'),
  })
}, 120_000)
afterAll(async () => {
  await preview?.close()
  tmp.cleanup()
})

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await postIpc(preview, channel, input)
  expect(res.status).toBe(200)
  const envelope = JSON.parse(res.body) as { ok: boolean; data: T; error?: unknown }
  expect(envelope.error).toBeUndefined()
  return envelope.data
}

describe('browser preview in sandbox mode', () => {
  it('takes its token from PREVIEW_TOKEN and prints it on the line with the address', async () => {
    expect(preview.token).toBe(TOKEN)
    expect(preview.pageUrl).toBe(`${preview.url}?token=${TOKEN}`)
    expect(readyLine(preview)).toBe(
      `Preview ready at ${preview.url}?token=${TOKEN} (x-preview-token: ${TOKEN})`,
    )
    const refused = await postIpc(preview, 'app:info', {}, { 'x-preview-token': 'x'.repeat(35) })
    expect(refused.status).toBe(403)
  })

  it('refuses a PREVIEW_TOKEN too short to be a secret, before starting anything', async () => {
    await expect(
      runPreview({ SANDBOX: '1', CREATOR_DATA_DIR: join(tmp.dir, 'other'), PREVIEW_TOKEN: 'abc' }),
    ).rejects.toThrow('PREVIEW_TOKEN must be')
    expect(existsSync(join(tmp.dir, 'other'))).toBe(false)
  })

  it('runs the real services against the emulators, in the sandbox folder', async () => {
    const info = await call<{ mode: string; dataDir: string }>('app:info', {})
    expect(info.mode).toBe('sandbox')
    expect(info.dataDir).toBe(join(tmp.dir, 'sandbox'))
    const settings = await call<{ sandbox: boolean }>('settings:get', {})
    expect(settings.sandbox).toBe(true)
  })

  it('answers malformed input with a VALIDATION envelope and unknown channels with 404', async () => {
    const bad = await postIpc(preview, 'creators:get', { creatorId: -1 })
    expect(bad.status).toBe(200)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect((await postIpc(preview, 'emulator:inject-faults', {})).status).toBe(404)
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
    expect(readFileSync(exported.path, 'utf8').split('\r\n')[0]).toMatch(/^\ufeffPlatform,Handle,/)
  })

  it('exports two lists whose names slug alike into two files, the first left intact', async () => {
    const found = await call<{ creators: { id: number }[] }>('creators:search', {
      platform: 'youtube',
      filters: {},
      page: 0,
    })
    const paths: string[] = []
    for (const [i, name] of ['Q4 Launch', 'q4/launch!!'].entries()) {
      const list = await call<{ id: number }>('lists:create', { name })
      await call('lists:add', { listId: list.id, creatorIds: [found.creators[i]?.id] })
      paths.push((await call<{ path: string }>('export:csv', { listId: list.id })).path)
    }
    const [first, second] = paths
    expect(first).toMatch(/creator-desk-q4-launch-\d{4}-\d\d-\d\d\.csv$/)
    expect(second).toBe((first ?? '').replace(/\.csv$/, ' (2).csv'))
    expect(readFileSync(first ?? '', 'utf8')).not.toBe(readFileSync(second ?? '', 'utf8'))
  })

  it('keeps the sample database out of the real data folder', () => {
    expect(readdirSync(join(tmp.dir, 'sandbox')).some((f) => f.endsWith('.sqlite'))).toBe(true)
    expect(readdirSync(tmp.dir).some((f) => f.endsWith('.sqlite'))).toBe(false)
  })

  it('reports key status without keys, and never exposes sandbox credentials', async () => {
    const res = await postIpc(preview, 'keys:status', {})
    expect(res.body).not.toContain('sandbox-modash-token')
    expect(res.body).not.toContain('sandbox-clay-key')
    const test = await call<{ ok: boolean; message: string }>('keys:test', { key: 'modash' })
    expect(test.ok).toBe(true)
    expect(existsSync(exportDir)).toBe(true)
  })
})
