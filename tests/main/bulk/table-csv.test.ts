import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeTableCsv } from '../../../src/main/bulk/table-csv'
import { makeTempDir } from '../../helpers/temp-dir'
import { parseCsv } from '../../helpers/rfc4180'

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => tmp.cleanup())

async function* rows(...list: string[][]): AsyncGenerator<string[]> {
  for (const row of list) {
    // As the database pager does: every row arrives asynchronously.
    await Promise.resolve()
    yield row
  }
}

describe('a bulk table as CSV', () => {
  it('guards every cell as the outreach export does, with CRLF records and an optional BOM', async () => {
    const path = join(tmp.dir, 'table.csv')
    const written = await writeTableCsv(
      {
        header: ['Handle', 'Note'],
        rows: rows(['=HYPERLINK("x")', 'a, "quoted"\nline'], ['evil\u202Egnp.exe', '\u202E=1+1']),
      },
      { path, ifExists: 'keep-both' },
      { bom: true },
    )
    expect(written).toEqual({ path, rows: 2 })
    const bytes = readFileSync(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(text.endsWith('\r\n')).toBe(true)
    expect(parseCsv(text)).toEqual([
      ['Handle', 'Note'],
      ['\'=HYPERLINK("x")', 'a, "quoted"\nline'],
      // Direction controls stripped first, so a formula hidden behind one is still guarded.
      ['evilgnp.exe', "'=1+1"],
    ])
  })

  it('leaves no file behind when the rows fail midway', async () => {
    const path = join(tmp.dir, 'broken.csv')
    async function* failing(): AsyncGenerator<string[]> {
      yield ['a']
      await Promise.resolve()
      throw new Error('the database went away')
    }
    await expect(
      writeTableCsv({ header: ['A'], rows: failing() }, { path, ifExists: 'keep-both' }),
    ).rejects.toThrow('the database went away')
    expect(readdirSync(tmp.dir)).toEqual([])
  })
})
