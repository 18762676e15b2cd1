import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { boughtBench } from './benchmarks/bought'
import { bundlesBench } from './benchmarks/bundles'
import { creditsBench } from './benchmarks/credits'
import { exportBench, exportChild, exportFloorChild } from './benchmarks/export'
import { ingestBench } from './benchmarks/ingest'
import { ipcBench } from './benchmarks/ipc'
import { scrollBench } from './benchmarks/scroll'
import { searchBench } from './benchmarks/search'
import { startupBench, startupChild, startupFloorChild } from './benchmarks/startup'
import { teamBench } from './benchmarks/team'
import { BenchDatabases } from './lib/bench-db'
import type { BenchContext } from './lib/context'
import { machineInfo } from './lib/machine'
import { renderMarkdown } from './lib/report'
import type { RunReport, Section } from './lib/report'

/**
 * `npm run bench [-- --quick] [--only=search,credits]`: runs the benchmarks one after the other
 * in this process, prints each figure, and writes bench/results/latest.json and latest.md
 * (quick.* for a quick run, partial.* for one with --only; neither is kept in git). Nothing is
 * asserted: a missed target is a line in the table, not a failure.
 */
const BENCHMARKS: Record<string, (ctx: BenchContext) => Promise<Section>> = {
  search: searchBench,
  bought: boughtBench,
  credits: creditsBench,
  export: exportBench,
  ingest: ingestBench,
  startup: startupBench,
  ipc: ipcBench,
  team: teamBench,
  bundles: bundlesBench,
  scroll: scrollBench,
}

/** Work the runner hands to a fresh copy of itself (see `lib/child.ts`). */
const CHILDREN: Record<string, (args: readonly string[]) => unknown> = {
  export: exportChild,
  'export-floor': exportFloorChild,
  startup: startupChild,
  'startup-floor': startupFloorChild,
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const child = args.find((a) => a.startsWith('--child='))?.slice('--child='.length)
  if (child !== undefined) {
    const task = CHILDREN[child]
    if (!task) throw new Error(`unknown child task: ${child}`)
    console.log(JSON.stringify(await task(args)))
    return
  }
  const quick = args.includes('--quick')
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',')
  const unknown = (only ?? []).filter((name) => !(name in BENCHMARKS))
  if (unknown.length > 0) throw new Error(`unknown benchmark: ${unknown.join(', ')}`)
  const log = (message: string) => console.log(message)
  const databases = new BenchDatabases(log)
  const ctx: BenchContext = { quick, log, databases }
  const started = new Date()
  const sections: Section[] = []
  try {
    for (const [name, bench] of Object.entries(BENCHMARKS)) {
      if (only && !only.includes(name)) continue
      const section = await bench(ctx)
      sections.push(section)
      for (const f of section.figures) {
        const target = f.target ? `  [target ${f.target}: ${f.met ? 'met' : 'NOT met'}]` : ''
        log(`  ${f.measure}: ${f.value}${f.baseline ? `  (baseline ${f.baseline})` : ''}${target}`)
      }
    }
  } finally {
    databases.removeAll()
  }
  const report: RunReport = {
    startedAt: started.toISOString(),
    durationSeconds: (Date.now() - started.getTime()) / 1000,
    quick,
    machine: machineInfo(),
    sections,
  }
  // A quick or partial run proves the benchmarks work; it must not overwrite the full run's figures.
  const name = quick ? 'quick' : only ? 'partial' : 'latest'
  const dir = join(process.cwd(), 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`)
  const markdown = renderMarkdown(report)
  writeFileSync(join(dir, `${name}.md`), markdown)
  log(`\n${markdown}`)
  log(`wrote bench/results/${name}.json and ${name}.md`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
