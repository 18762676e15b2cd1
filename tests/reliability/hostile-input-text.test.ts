import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPreviewServer } from '../../src/main/preview/preview-server'
import { OUTREACH_COLUMNS } from '../../src/main/export/outreach-columns'
import { testDataset } from '../helpers/core-harness'
import { parseCsv } from '../helpers/rfc4180'
import { recordFigures } from './helpers/figures'
import { HOSTILE, hostileDataset } from './helpers/hostile-strings'
import { startRig } from './helpers/rig'
import type { Rig } from './helpers/rig'

/**
 * Part 4, text: hostile strings in creator data, filters, list names, notes and tags are stored
 * and handed back exactly, as text; the CSV export makes formula cells inert (read back with a
 * parser of our own); oversized inputs are refused before a handler runs.
 */

/** What makes a spreadsheet cell a formula (OWASP CSV injection), full-width forms included. */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])

let rig: Rig
let tablesBefore: string[] = []
beforeAll(async () => {
  rig = await startRig({ dataset: hostileDataset(testDataset()) })
  tablesBefore = await tableNames()
})
afterAll(async () => {
  await rig?.close()
})

async function tableNames(): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(rig.db)
  return rows.rows.map((r) => r.name)
}

describe('hostile text', () => {
  it('stores creator names, handles and bios from the provider as text', async () => {
    const page = await rig.ok('creators:search', { platform: 'instagram', filters: {}, page: 0 })
    const names = page.creators.map((c) => c.fullName)
    for (const text of HOSTILE.slice(0, 15)) expect(names).toContain(text)
    for (const c of page.creators.slice(0, 4)) {
      const detail = await rig.ok('creators:select', { creatorId: c.id })
      expect(detail.report?.bio).toBe(c.fullName)
      expect(detail.creator.fullName).toBe(c.fullName)
    }
    // Handles are normalised or dropped, never stored half-sanitised.
    for (const c of page.creators)
      if (c.handle !== null) expect(c.handle).toMatch(/^[\p{L}\p{N}._-]{1,100}$/u)
  })

  it('stores list names, notes and tags as text', async () => {
    const page = await rig.ok('creators:search', { platform: 'instagram', filters: {}, page: 0 })
    const ids = page.creators.map((c) => c.id)
    for (const [i, text] of HOSTILE.entries()) {
      const name = `${text} #${i}`
      const list = await rig.ok('lists:create', { name })
      expect(list.name).toBe(name.trim())
      await rig.ok('lists:add', { listId: list.id, creatorIds: ids })
      const tags = [
        ...new Set(HOSTILE.map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 40)),
      ]
      const member = await rig.ok('lists:update-member', {
        listId: list.id,
        creatorId: ids[i % ids.length] as number,
        notes: text,
        tags,
      })
      expect(member.notes).toBe(text)
      expect(member.tags).toEqual(tags)
    }
    const lists = await rig.ok('lists:list', {})
    for (const [i, text] of HOSTILE.entries())
      expect(lists.map((l) => l.name)).toContain(`${text} #${i}`.trim())
  })

  it('keeps filters and log queries with injection strings as data', async () => {
    for (const text of HOSTILE) {
      const bio = text.trim().slice(0, 200)
      if (bio === '' || bio.includes('\u0000')) continue
      const input = { platform: 'instagram' as const, filters: { influencer: { bio } }, page: 0 }
      await rig.ok('creators:search', { ...input, cacheOnly: true })
      const stored = await rig.db
        .selectFrom('search_requests')
        .select('filters_json')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      expect(
        (JSON.parse(stored.filters_json) as { influencer: { bio: string } }).influencer.bio,
      ).toBe(bio)
      const log = await rig.ok('usage:log', {
        page: 0,
        pageSize: 5,
        action: text.slice(0, 40),
        outcome: text.slice(0, 60),
      })
      expect(log.total).toBe(0)
      await rig.ok('dictionaries:search', {
        platform: 'instagram',
        kind: 'interests',
        query: text.slice(0, 100),
      })
    }
    expect(await tableNames()).toEqual(tablesBefore)
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(rig.db)
    expect(check.rows).toEqual([{ integrity_check: 'ok' }])
  })

  // A NUL byte once cut the FTS5 query short ("unterminated string") and the search failed.
  it('answers a local search for a bio with a NUL byte', async () => {
    const input = {
      platform: 'instagram' as const,
      filters: { influencer: { bio: 'nul\u0000byte' } },
      page: 0,
      cacheOnly: true,
    }
    const unexpected = rig.unexpected.length
    try {
      expect(await rig.call('creators:search', input)).toMatchObject({ ok: true })
    } finally {
      rig.unexpected.splice(unexpected)
    }
  })

  it('exports a CSV whose formula cells are inert and whose text survives', async () => {
    const lists = await rig.ok('lists:list', {})
    const list = lists.find((l) => l.name.startsWith('=HYPERLINK'))
    if (!list) throw new Error('the hostile lists were not created')
    const exported = await rig.ok('export:csv', { listId: list.id, bom: true })
    if (exported === null) throw new Error('the export was cancelled')
    const rows = parseCsv(readFileSync(exported.path, 'utf8'), { bom: true })
    const [header, ...data] = rows
    expect(header).toEqual(OUTREACH_COLUMNS.map((c) => c.header))
    expect(data).toHaveLength(exported.rows)
    let neutralised = 0
    for (const row of data) {
      expect(row).toHaveLength(OUTREACH_COLUMNS.length)
      for (const cell of row) {
        expect(TRIGGERS.has(cell[0] ?? ''), JSON.stringify(cell)).toBe(false)
        if (cell.startsWith("'") && TRIGGERS.has(cell[1] ?? '')) neutralised++
      }
    }
    // The text is all there, behind the apostrophe where it was neutralised.
    const column = (name: string) => OUTREACH_COLUMNS.findIndex((c) => c.header === name)
    const shown = (cell: string) =>
      cell.startsWith("'") && TRIGGERS.has(cell[1] ?? '') ? cell.slice(1) : cell
    const members = await rig.ok('lists:members', { listId: list.id })
    const names = data.map((row) => shown(row[column('Name')] ?? ''))
    for (const m of members) expect(names).toContain(m.creator.fullName ?? '')
    const notes = data.map((row) => shown(row[column('Notes')] ?? ''))
    expect(notes).toContain(HOSTILE[0])
    for (const row of data) expect(shown(row[column('Lists')] ?? '')).toContain(list.name)
    expect(neutralised).toBeGreaterThan(0)
    recordFigures('hostile-input-text', {
      hostileStrings: HOSTILE.length,
      csvRows: data.length,
      formulaCellsNeutralised: neutralised,
    })
  })

  it('refuses oversized inputs before any handler runs', async () => {
    const handled = rig.handled.count
    const oversized: [string, unknown][] = [
      ['lists:add', { listId: 1, creatorIds: Array.from({ length: 100_001 }, (_, i) => i + 1) }],
      [
        'creators:search',
        {
          platform: 'instagram',
          filters: { influencer: { location: Array.from({ length: 10_000 }, (_, i) => i + 1) } },
          page: 0,
        },
      ],
      ['lists:update-member', { listId: 1, creatorId: 1, notes: 'n'.repeat(10_001) }],
      ['lists:create', { name: 'x'.repeat(121) }],
      ['keys:set', { key: 'modash', value: 'k'.repeat(4097) }],
      ['dictionaries:search', { platform: 'instagram', kind: 'brands', query: 'q'.repeat(101) }],
    ]
    for (const [channel, input] of oversized)
      expect(await rig.call(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    expect(rig.handled.count).toBe(handled)

    // Over the bridge, a body past its limit is cut off before it is even parsed.
    const preview = await startPreviewServer({
      handlers: rig.handlers,
      rendererDir: join(rig.dataDir, 'no-renderer'),
      port: 0,
    })
    try {
      const status = await postLarge(
        `${preview.url}ipc/lists:create`,
        6 * 1024 * 1024,
        preview.token,
      )
      expect(status).toBe(413)
    } finally {
      await preview.close()
    }
    expect(rig.handled.count).toBe(handled)
    expect(rig.unexpected).toEqual([])
  })
})

/** Streams a body of `bytes` bytes; resolves with the status the server answered. */
function postLarge(url: string, bytes: number, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-preview-token': token },
    })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    // The server may close the connection once it has answered; that is its right.
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err),
    )
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sent = 0
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      req.end()
    }
    write()
  })
}
