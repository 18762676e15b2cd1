import { createWriteStream, readFileSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { writeOutreachCsv } from '../../src/main/export/csv-writer'
import { offlineCore, rawConnection } from '../lib/bench-db'
import { flag, inChild } from '../lib/child'
import type { BenchContext } from '../lib/context'
import type { Section } from '../lib/report'
import { int, median, ms, ratio } from '../lib/stats'
import { tempDir } from '../lib/temp'

/** The export's time ÷ its floor's (one raw SELECT written as joined lines). */
const FLOOR_RATIO_TARGET = 1.3
const RSS_TARGET_MB = 200

interface ExportRun {
  rows: number
  ms: number
  /** Peak resident memory of the whole process, start-up included. */
  peakRssMb: number
  /** Resident memory once the core was open, before the export started. */
  startRssMb: number
}

/**
 * 3. CSV export of every creator in a 100,000-creator cache, through the app's writer
 * (`writeOutreachCsv` over `core.creators.outreachRows`), each run in a fresh process so its
 * peak RSS is the export's. Baseline: the same columns read with one prepared statement and
 * written as plain comma-joined lines.
 */
export async function exportBench(ctx: BenchContext): Promise<Section> {
  const size = ctx.quick ? 10_000 : 100_000
  const database = await ctx.databases.creators(size)
  ctx.log(`export: ${int(size)} creators to CSV`)
  const out = tempDir('export')
  try {
    const runs = [1, 2, 3].map(() =>
      inChild<ExportRun>('export', { db: database.dir, out: join(out.dir, 'export.csv') }),
    )
    // The floor runs in a fresh process too: the app's export must not pay for a cold start
    // (its code not yet compiled by V8) that the floor is spared.
    const floors = [1, 2, 3].map(
      () =>
        inChild<{ ms: number }>('export-floor', {
          db: database.path,
          out: join(out.dir, 'floor.csv'),
        }).ms,
    )
    const floor = median(floors)
    const time = median(runs.map((r) => r.ms))
    const peak = Math.max(...runs.map((r) => r.peakRssMb))
    return {
      id: 'export',
      title: '3. CSV export',
      figures: [
        {
          measure: `${int(size)} creators: time (median of 3; the floor's too)`,
          value: ms(time),
          baseline: `raw SELECT + joined lines, also in a fresh process ${ms(floor)} (${ratio(time / floor)} the floor)`,
          target: `≤ ${FLOOR_RATIO_TARGET}× the floor`,
          met: time <= floor * FLOOR_RATIO_TARGET,
        },
        {
          measure: `${int(size)} creators: peak RSS of the exporting process`,
          value: `${Math.round(peak)} MB`,
          baseline: `${Math.round(median(runs.map((r) => r.startRssMb)))} MB before the export`,
          target: `< ${RSS_TARGET_MB} MB`,
          met: peak < RSS_TARGET_MB,
        },
      ],
      notes: [`${int(runs[0]?.rows ?? 0)} rows written per run.`],
      data: { runs, floorMs: floor, floorRunsMs: floors },
    }
  } finally {
    out.remove()
  }
}

/** `--child=export`: one export in this fresh process, reported as a JSON line. */
export async function exportChild(args: readonly string[]): Promise<ExportRun> {
  const core = await offlineCore(flag(args, 'db'))
  try {
    const ids = (
      await core.deps.db.selectFrom('creators').select('id').orderBy('id').execute()
    ).map((r) => r.id)
    const startRssMb = process.memoryUsage().rss / 2 ** 20
    let sampled = startRssMb
    const sampler = setInterval(() => {
      sampled = Math.max(sampled, process.memoryUsage().rss / 2 ** 20)
    }, 5)
    const start = performance.now()
    // Each run writes the same file in the benchmark's own folder: replacing it is intended.
    const { rows } = await writeOutreachCsv(core.creators.outreachRows({ creatorIds: ids }), {
      path: flag(args, 'out'),
      ifExists: 'replace',
    })
    const elapsed = performance.now() - start
    clearInterval(sampler)
    return { rows, ms: elapsed, peakRssMb: highWaterMb() ?? sampled, startRssMb }
  } finally {
    await core.close()
  }
}

/**
 * The kernel's high-water mark for this process's memory. Not `resourceUsage().maxRSS`: Linux
 * carries that across fork and exec, so a child would report its parent's peak.
 */
function highWaterMb(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    return kb === undefined ? null : Number(kb) / 1024
  } catch {
    return null
  }
}

/** `--child=export-floor`: the floor's export in this fresh process, its time as a JSON line. */
export async function exportFloorChild(args: readonly string[]): Promise<{ ms: number }> {
  return { ms: await floorExport(flag(args, 'db'), flag(args, 'out')) }
}

async function floorExport(path: string, out: string): Promise<number> {
  const sqlite = rawConnection(path)
  try {
    const start = performance.now()
    const file = createWriteStream(out)
    const select = sqlite.prepare(`SELECT platform, handle, profile_url, full_name, followers,
      engagement_rate, average_views, credibility, top_country, top_country_share, email,
      email_source, clay_enriched_at, detailed_profile_fetched_at, basic_fetched_at
      FROM creators ORDER BY id`)
    let chunk: string[] = []
    for (const row of select.iterate() as Iterable<Record<string, string | number | null>>) {
      chunk.push(
        Object.values(row)
          .map((v) => (v === null ? '' : String(v)))
          .join(','),
      )
      if (chunk.length === 1000) {
        if (!file.write(`${chunk.join('\r\n')}\r\n`)) await once(file, 'drain')
        chunk = []
      }
    }
    file.end(`${chunk.join('\r\n')}\r\n`)
    await once(file, 'finish')
    return performance.now() - start
  } finally {
    sqlite.close()
  }
}
