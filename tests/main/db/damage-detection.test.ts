import { readdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/database'
import { isAppError } from '../../../src/shared/errors'
import {
  damageHeader,
  damagePage,
  fillDatabase,
  leafPages,
  openCore,
} from '../../helpers/damaged-db'
import { makeTempDir } from '../../helpers/temp-dir'
import { fileDigest } from '../../reliability/helpers/db-files'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function tempDir(): string {
  const t = makeTempDir('creator-desk-damage-')
  cleanups.push(t.cleanup)
  return t.dir
}

/** SQLite's own words, which must never reach the user. */
const RAW_SQLITE = /not a database|malformed|disk image|SQLITE_|corrupt/i

async function openError(dir: string, fullCheckMaxBytes?: number): Promise<unknown> {
  return openDatabase({
    dataDir: dir,
    ...(fullCheckMaxBytes === undefined ? {} : { fullCheckMaxBytes }),
  }).then(
    async (opened) => {
      await opened.close()
      return null
    },
    (err: unknown) => err,
  )
}

describe('a damaged database at start-up', () => {
  it('with its header overwritten, is refused as damaged in plain words and left untouched', async () => {
    const dir = tempDir()
    const { path } = await fillDatabase(dir, { creators: 50 })
    damageHeader(path)
    const files = readdirSync(dir).sort()
    const before = fileDigest(path)

    const err = await openError(dir)
    expect(isAppError(err)).toBe(true)
    expect(err).toMatchObject({ code: 'STORAGE', details: { storage: 'damaged', file: path } })
    expect((err as Error).message).toMatch(/damaged/)
    expect((err as Error).message).not.toMatch(RAW_SQLITE)
    expect(fileDigest(path)).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(files)
  })

  it('with a data page overwritten, is found by the check at open before anything writes', async () => {
    const dir = tempDir()
    const { path } = await fillDatabase(dir, { creators: 200 })
    // A page in the middle of the creators: nothing at open reads it but the full check.
    const leaves = leafPages(path, 'creators')
    damagePage(path, leaves[Math.floor(leaves.length / 2)]?.pageno ?? 0)
    const before = fileDigest(path)

    const err = await openError(dir)
    expect(err).toMatchObject({ code: 'STORAGE', details: { storage: 'damaged' } })
    expect((err as Error).message).not.toMatch(RAW_SQLITE)
    expect(fileDigest(path)).toBe(before)
    // A file over the size limit skips the full check (the damaged page is not read), so
    // start-up stays fast; the daily backup checks it in full instead (see backup tests).
    expect(await openError(dir, 1024)).toBeNull()
  })

  it('through the whole core (createCore), still the plain-words STORAGE error', async () => {
    const dir = tempDir()
    const { path } = await fillDatabase(dir, { creators: 50 })
    damageHeader(path)
    await expect(openCore(dir)).rejects.toMatchObject({
      code: 'STORAGE',
      details: { storage: 'damaged' },
    })
  })
})
