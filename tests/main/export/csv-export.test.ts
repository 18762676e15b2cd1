import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OutreachRow } from '../../../src/shared/domain'
import { AppError } from '../../../src/shared/errors'
import { createCsvExport, suggestedFileName } from '../../../src/main/export/csv-export'
import { writeOutreachCsv } from '../../../src/main/export/csv-writer'
import { neutraliseFormula } from '../../../src/main/export/formula-guard'
import {
  firstName,
  localDateTime,
  OUTREACH_COLUMNS,
} from '../../../src/main/export/outreach-columns'
import type { Core } from '../../../src/main/services/core-types'
import { makeTempDir } from '../../helpers/temp-dir'
import { parseCsv } from '../../helpers/rfc4180'

function row(overrides: Partial<OutreachRow> = {}): OutreachRow {
  return {
    creatorId: 1,
    platform: 'instagram',
    handle: 'jane.doe',
    profileUrl: 'https://www.instagram.com/jane.doe/',
    fullName: 'Jane Doe',
    followers: 120_500,
    engagementRate: 0.0313,
    averageViews: 40_000,
    credibility: 0.874,
    topCountry: 'US',
    topCountryShare: 0.4215,
    email: 'jane@example.com',
    emailSource: 'clay',
    emailFoundAt: '2026-05-01T10:00:00.000Z',
    reportFetchedAt: '2026-04-30T09:00:00.000Z',
    dataAgeDays: 12,
    lists: ['Summer', 'Beauty'],
    tags: ['vip'],
    status: 'contacted',
    notes: 'Met at VidCon',
    ...overrides,
  }
}

async function* fromArray(rows: OutreachRow[]): AsyncGenerator<OutreachRow> {
  for (const r of rows) {
    // Like the database pager: every row arrives asynchronously.
    await Promise.resolve()
    yield r
  }
}

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => tmp.cleanup())

async function exportText(rows: OutreachRow[], bom = false): Promise<string> {
  const path = join(tmp.dir, 'out.csv')
  await writeOutreachCsv(fromArray(rows), { path, ifExists: 'keep-both' }, { bom })
  return readFileSync(path, 'utf8')
}

describe('outreach CSV', () => {
  it('writes the header and one record per row, with every column, CRLF line ends', async () => {
    const text = await exportText([row(), row({ creatorId: 2, handle: 'second' })])
    const records = parseCsv(text)
    expect(records[0]).toEqual(OUTREACH_COLUMNS.map((c) => c.header))
    expect(records[0]).toEqual([
      'Platform',
      'Handle',
      'Profile URL',
      'Name',
      'Followers',
      'Engagement rate (%)',
      'Average views',
      'Credibility (%)',
      'Top audience country',
      'Top audience country share (%)',
      'Email',
      'Email source',
      'Email found at',
      'Lists',
      'Tags',
      'Status',
      'Notes',
      'Report fetched at',
      'Data age (days)',
      'First name',
    ])
    expect(records).toHaveLength(3)
    expect(records[1]).toEqual([
      'instagram',
      'jane.doe',
      'https://www.instagram.com/jane.doe/',
      'Jane Doe',
      '120500',
      '3.13',
      '40000',
      '87.4',
      'US',
      '42.15',
      'jane@example.com',
      'clay',
      localDateTime('2026-05-01T10:00:00.000Z'),
      'Summer; Beauty',
      'vip',
      'contacted',
      'Met at VidCon',
      localDateTime('2026-04-30T09:00:00.000Z'),
      '12',
      'Jane',
    ])
    expect(records[2]?.[1]).toBe('second')
  })

  it('leaves missing values empty', async () => {
    const records = parseCsv(
      await exportText([
        row({ email: null, followers: null, engagementRate: null, lists: [], notes: null }),
      ]),
    )
    const cells = records[1] ?? []
    expect(cells[4]).toBe('')
    expect(cells[5]).toBe('')
    expect(cells[10]).toBe('')
    expect(cells[13]).toBe('')
    expect(cells[16]).toBe('')
  })

  it('quotes commas, quotes and line breaks so they survive a round trip', async () => {
    const notes = 'Said "maybe", call back\r\nnext week,\nor\rlater'
    const name = 'Doe, Jane "JD"'
    const records = parseCsv(await exportText([row({ notes, fullName: name })]))
    expect(records[1]?.[16]).toBe(notes)
    expect(records[1]?.[3]).toBe(name)
  })

  it('keeps UTF-8 text intact, with a BOM only when asked', async () => {
    const name = 'Zoë Ångström 🎥 東京'
    const withoutBom = await exportText([row({ fullName: name })], false)
    expect(withoutBom.charCodeAt(0)).not.toBe(0xfeff)
    expect(parseCsv(withoutBom)[1]?.[3]).toBe(name)

    const path = join(tmp.dir, 'bom.csv')
    await writeOutreachCsv(
      fromArray([row({ fullName: name })]),
      { path, ifExists: 'keep-both' },
      { bom: true },
    )
    const bytes = readFileSync(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(parseCsv(bytes.subarray(3).toString('utf8'))[1]?.[3]).toBe(name)
  })

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const attacks = [
      '=HYPERLINK("http://evil")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\tcmd',
      '\r=1',
      '\uFF1D1+1',
    ]
    const rows = attacks.map((notes, i) =>
      row({ creatorId: i + 1, notes, fullName: notes, handle: notes, tags: [notes] }),
    )
    const records = parseCsv(await exportText(rows))
    attacks.forEach((attack, i) => {
      const cells = records[i + 1] ?? []
      for (const column of [1, 3, 14, 16]) {
        expect(cells[column]).toBe(`'${attack}`)
      }
    })
    // Harmless text that merely contains the characters is left alone.
    expect(neutraliseFormula('a=b')).toBe('a=b')
    expect(neutraliseFormula('')).toBe('')
    expect(neutraliseFormula('jane@example.com')).toBe('jane@example.com')
  })

  it('writes our own number and date cells unguarded, and they never need guarding', async () => {
    const ours = OUTREACH_COLUMNS.flatMap((c, i) => (c.ours ? [i] : []))
    expect(ours.map((i) => OUTREACH_COLUMNS[i]?.header)).toContain('Followers')
    // Whatever a provider or a broken row puts there: only digits, signs, dots, dashes, colons,
    // spaces and letters of a word (NaN, Infinity, a platform) can come out.
    const hostile = [
      row({ followers: -5, engagementRate: -0.5, averageViews: 1e21, credibility: Number.NaN }),
      row({ topCountryShare: Infinity, dataAgeDays: -1, emailFoundAt: 'not a date' }),
      row({ reportFetchedAt: '=1+1', emailFoundAt: '2026-05-01T10:00:00.000Z,"x"' }),
      // Strangers' text in every text field: a column that carried it could not be "ours".
      row({
        ...Object.fromEntries(
          [
            'handle',
            'profileUrl',
            'fullName',
            'topCountry',
            'email',
            'emailSource',
            'status',
            'notes',
          ].map((k) => [k, '=1,"x"']),
        ),
        lists: ['=1,"x"'],
        tags: ['=1,"x"'],
      }),
    ]
    const records = parseCsv(await exportText(hostile))
    for (const record of records.slice(1)) {
      expect(record).toHaveLength(OUTREACH_COLUMNS.length)
      for (const i of ours) expect(record[i]).toMatch(/^[-+.:0-9 A-Za-z]*$/)
    }
    // A negative number stays a number, not text behind an apostrophe.
    expect(records[1]?.[4]).toBe('-5')
  })

  it('strips direction controls from every text cell, then guards formulas', async () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C'
    const records = parseCsv(
      await exportText([
        row({
          handle: `evil\u202Egnp.exe`,
          fullName: `\u202EJane\u2066 Doe\u2069`,
          notes: `${controls}note`,
          lists: ['Q4 \u202ELaunch'],
          tags: ['\u200Fvip'],
          // Hidden behind a control, a formula would slip past a guard that looks at the first
          // character only.
          email: '\u202E=HYPERLINK("http://evil")',
        }),
      ]),
    )
    const cells = records[1] ?? []
    expect(cells[1]).toBe('evilgnp.exe')
    expect(cells[3]).toBe('Jane Doe')
    expect(cells[16]).toBe('note')
    expect(cells[13]).toBe('Q4 Launch')
    expect(cells[14]).toBe('vip')
    expect(cells[10]).toBe(`'=HYPERLINK("http://evil")`)
    expect(cells.join('')).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/)
  })

  it('streams 100,000 rows: the source is pulled only as fast as the file is written', async () => {
    const path = join(tmp.dir, 'big.csv')
    const total = 100_000
    let yielded = 0
    let maxAhead = 0
    let checkpoints = 0
    async function* source(): AsyncGenerator<OutreachRow> {
      for (let i = 0; i < total; i++) {
        if (i > 0 && i % 10_000 === 0) {
          // Records already in the file; the rest of what was yielded is still in memory.
          const onDisk = countLines(partialFile())
          maxAhead = Math.max(maxAhead, yielded - onDisk)
          checkpoints += 1
        }
        yielded += 1
        await Promise.resolve()
        yield row({ creatorId: i + 1, handle: `creator_${i}` })
      }
    }
    const written = await writeOutreachCsv(source(), { path, ifExists: 'keep-both' })
    expect(written).toEqual({ path, rows: total })
    expect(checkpoints).toBe(9)
    // An eager writer (collect, then write) would have 10,000..90,000 rows ahead of the disk.
    expect(maxAhead).toBeLessThan(2_000)
    expect(countLines(path)).toBe(total + 1)
    expect(readdirSync(tmp.dir)).toEqual(['big.csv'])
  })

  it('leaves no file behind when the source fails half way', async () => {
    const path = join(tmp.dir, 'failed.csv')
    async function* failing(): AsyncGenerator<OutreachRow> {
      yield row()
      await Promise.resolve()
      throw new Error('database went away')
    }
    await expect(writeOutreachCsv(failing(), { path, ifExists: 'keep-both' })).rejects.toThrow(
      'database went away',
    )
    expect(readdirSync(tmp.dir)).toEqual([])
  })
})

/** The export's temp file: hidden, beside the target, under a random name. */
function partialFile(): string {
  const parts = readdirSync(tmp.dir).filter((f) => /^\.big\.csv\.[0-9a-f]{16}\.part$/.test(f))
  return parts.length === 1 ? join(tmp.dir, parts[0] as string) : ''
}

function countLines(path: string): number {
  if (!existsSync(path) || statSync(path).size === 0) return 0
  const text = readFileSync(path, 'utf8')
  let lines = 0
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) lines += 1
  return lines
}

describe('export:csv handler', () => {
  const lists = [
    { id: 7, name: 'Été 2026 — Beauty!', memberCount: 1, createdAt: '', updatedAt: '' },
  ]
  const fakeCore = (queries: unknown[]) =>
    ({
      lists: { list: () => Promise.resolve(lists) },
      creators: {
        outreachRows: (query: unknown) => {
          queries.push(query)
          return fromArray([row(), row({ creatorId: 2 })])
        },
      },
    }) as unknown as Pick<Core, 'creators' | 'lists'>
  const now = () => new Date('2026-06-01T12:00:00Z')

  it('asks where to save with a name from the list, then writes the list’s rows', async () => {
    const queries: unknown[] = []
    const asked: string[] = []
    const run = createCsvExport({
      core: fakeCore(queries),
      now,
      choosePath: (name) => {
        asked.push(name)
        return Promise.resolve({ path: join(tmp.dir, name), ifExists: 'keep-both' as const })
      },
    })
    // No `bom` asked for: a byte order mark by default, so Excel reads UTF-8 names right.
    const result = await run({ listId: 7 })
    expect(asked).toEqual(['creator-desk-ete-2026-beauty-2026-06-01.csv'])
    expect(result).toEqual({ path: join(tmp.dir, asked[0] as string), rows: 2 })
    expect(queries).toEqual([{ listId: 7 }])
    expect([...readFileSync(result?.path ?? '').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('returns null and writes nothing when the dialog is cancelled', async () => {
    const queries: unknown[] = []
    const run = createCsvExport({
      core: fakeCore(queries),
      now,
      choosePath: () => Promise.resolve(null),
    })
    expect(await run({ creatorIds: [1, 2] })).toBeNull()
    expect(queries).toEqual([])
  })

  it('refuses a list that does not exist before asking where to save', async () => {
    let asked = false
    const run = createCsvExport({
      core: fakeCore([]),
      now,
      choosePath: () => {
        asked = true
        return Promise.resolve(null)
      },
    })
    await expect(run({ listId: 99 })).rejects.toBeInstanceOf(AppError)
    expect(asked).toBe(false)
  })

  it('names a selection export sensibly', () => {
    expect(suggestedFileName('selection', now())).toBe('creator-desk-selection-2026-06-01.csv')
    expect(suggestedFileName('***', now())).toBe('creator-desk-export-2026-06-01.csv')
  })
})

describe('outreach columns for a mail merge', () => {
  it('gives the first name, skipping titles, emoji and punctuation', () => {
    expect(firstName('Jane Doe')).toBe('Jane')
    expect(firstName('Dr. Amira Haddad')).toBe('Amira')
    expect(firstName('🌸 Lily-Rose Martin')).toBe('Lily-Rose')
    expect(firstName('  Zoë | Skincare')).toBe('Zoë')
    expect(firstName('🎥🎥')).toBe('')
    expect(firstName(null)).toBe('')
  })

  it('writes dates in the local zone as a spreadsheet reads them', () => {
    const iso = '2026-05-01T10:07:00.000Z'
    const d = new Date(iso)
    const pad = (n: number) => String(n).padStart(2, '0')
    expect(localDateTime(iso)).toBe(
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`,
    )
    expect(localDateTime(iso)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(localDateTime(null)).toBe('')
  })
})
