import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportFolder } from '../../../src/main/app/export-folder'
import { createCsvExport } from '../../../src/main/export/csv-export'
import type { ChooseExportPath } from '../../../src/main/export/csv-export'
import type { OutreachRow } from '../../../src/shared/domain'
import { AppError } from '../../../src/shared/errors'
import type { Core } from '../../../src/main/services/core-types'
import { makeTempDir } from '../../helpers/temp-dir'
import { parseCsv } from '../../helpers/rfc4180'

/**
 * Exports land in folders other programs can write to. These tests plant real files and real
 * symlinks where an export is about to go and check that nothing but the export is written.
 */

const LISTS = [
  { id: 1, name: 'Q4 Launch', memberCount: 1, createdAt: '', updatedAt: '' },
  { id: 2, name: 'q4/launch!!', memberCount: 1, createdAt: '', updatedAt: '' },
]
const DAY = '2026-06-01'
const FILE = `creator-desk-q4-launch-${DAY}.csv`
const VICTIM = 'precious data the export must never touch\n'

function outreach(handle: string): OutreachRow {
  return {
    creatorId: 1,
    platform: 'instagram',
    handle,
    profileUrl: null,
    fullName: null,
    followers: null,
    engagementRate: null,
    averageViews: null,
    credibility: null,
    topCountry: null,
    topCountryShare: null,
    email: null,
    emailSource: null,
    emailFoundAt: null,
    reportFetchedAt: null,
    dataAgeDays: null,
    lists: [],
    tags: [],
    status: null,
    notes: null,
  }
}

/** The rows of list n carry the handle `member-of-<n>`, so each file says which list it holds. */
const core = {
  lists: { list: () => Promise.resolve(LISTS) },
  creators: {
    outreachRows: async function* (query: { listId?: number }) {
      // Like the database pager: rows arrive asynchronously.
      await Promise.resolve()
      yield outreach(`member-of-${query.listId ?? 0}`)
    },
  },
} as unknown as Pick<Core, 'creators' | 'lists'>

function exporter(choosePath: ChooseExportPath) {
  return createCsvExport({ core, choosePath, now: () => new Date(`${DAY}T12:00:00Z`) })
}

const handleIn = (path: string) => parseCsv(readFileSync(path, 'utf8'))[1]?.[1]

let tmp: ReturnType<typeof makeTempDir>
let dir = ''
let victim = ''
beforeEach(() => {
  tmp = makeTempDir()
  dir = join(tmp.dir, 'exports')
  mkdirSync(dir)
  victim = join(tmp.dir, 'victim.txt')
  writeFileSync(victim, VICTIM)
})
afterEach(() => tmp.cleanup())

describe('exports into the preview’s folder (nobody is asked)', () => {
  it('gives lists whose names slug alike their own files instead of replacing the first', async () => {
    const run = exporter(exportFolder(dir))
    const first = await run({ listId: 1 })
    const second = await run({ listId: 2 })
    expect(first?.path).toBe(join(dir, FILE))
    expect(second?.path).toBe(join(dir, `creator-desk-q4-launch-${DAY} (2).csv`))
    expect(handleIn(join(dir, FILE))).toBe('member-of-1')
    expect(handleIn(second?.path ?? '')).toBe('member-of-2')
    const third = await run({ listId: 1 })
    expect(third?.path).toBe(join(dir, `creator-desk-q4-launch-${DAY} (3).csv`))
    expect(readdirSync(dir).sort()).toHaveLength(3)
  })

  it('never writes through a symlink planted at the file name', async () => {
    symlinkSync(victim, join(dir, FILE))
    const result = await exporter(exportFolder(dir))({ listId: 1 })
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM)
    expect(readlinkSync(join(dir, FILE))).toBe(victim)
    expect(result?.path).toBe(join(dir, `creator-desk-q4-launch-${DAY} (2).csv`))
    expect(handleIn(result?.path ?? '')).toBe('member-of-1')
  })

  it('never creates a file through a dangling symlink at the file or temp name', async () => {
    symlinkSync(join(tmp.dir, 'created-via-target'), join(dir, FILE))
    symlinkSync(join(tmp.dir, 'created-via-temp'), join(dir, `${FILE}.part`))
    await exporter(exportFolder(dir))({ listId: 1 })
    expect(readdirSync(tmp.dir).sort()).toEqual(['exports', 'victim.txt'])
  })

  it('never writes through a symlink planted at the temp file’s old, guessable name', async () => {
    symlinkSync(victim, join(dir, `${FILE}.part`))
    await exporter(exportFolder(dir))({ listId: 1 })
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM)
    expect(lstatSync(join(dir, `${FILE}.part`)).isSymbolicLink()).toBe(true)
    expect(handleIn(join(dir, FILE))).toBe('member-of-1')
  })

  it('runs two exports of the same name at once into two files, leaving no temp file', async () => {
    const run = exporter(exportFolder(dir))
    const [a, b] = await Promise.all([run({ listId: 1 }), run({ listId: 2 })])
    expect(new Set([a?.path, b?.path]).size).toBe(2)
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([])
    expect(readdirSync(dir)).toHaveLength(2)
    // Contact data: readable by the user only.
    expect(statSync(a?.path ?? '').mode & 0o777).toBe(0o600)
  })
})

describe('exports to a file the user chose in the save dialog', () => {
  const chosen =
    (path: string): ChooseExportPath =>
    () =>
      Promise.resolve({ path, ifExists: 'replace' })

  it('replaces an existing file the user confirmed replacing', async () => {
    const path = join(dir, 'mine.csv')
    writeFileSync(path, 'old export')
    const result = await exporter(chosen(path))({ listId: 2 })
    expect(result).toEqual({ path, rows: 1 })
    expect(handleIn(path)).toBe('member-of-2')
    expect(readdirSync(dir)).toEqual(['mine.csv'])
  })

  it('replaces a symlink there with the file, leaving the file it pointed to alone', async () => {
    const path = join(dir, 'mine.csv')
    symlinkSync(victim, path)
    await exporter(chosen(path))({ listId: 1 })
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM)
    expect(lstatSync(path).isFile()).toBe(true)
    expect(handleIn(path)).toBe('member-of-1')
  })

  it('does not write through a symlink at the old temp name either', async () => {
    const path = join(dir, 'mine.csv')
    symlinkSync(victim, `${path}.part`)
    await exporter(chosen(path))({ listId: 1 })
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM)
  })

  it('refuses in plain words to replace a folder, and leaves nothing behind', async () => {
    const path = join(dir, 'a-folder.csv')
    mkdirSync(path)
    const failure = await exporter(chosen(path))({ listId: 1 }).catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(AppError)
    expect((failure as AppError).code).toBe('PRECONDITION')
    expect((failure as AppError).message).toContain('a-folder.csv')
    expect(readdirSync(dir)).toEqual(['a-folder.csv'])
  })
})
