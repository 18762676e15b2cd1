import type { MachineInfo } from './machine'

/** One line of the results table: a figure, what it is compared with, and the target. */
export interface Figure {
  measure: string
  value: string
  /** The baseline measured in the same run (SQL floor, direct call, no cache), if any. */
  baseline?: string
  target?: string
  /** Whether the target is met; absent when the line has no target. */
  met?: boolean
}

export interface Section {
  id: string
  title: string
  figures: Figure[]
  notes: string[]
  /** Every raw number behind the figures, for the JSON file. */
  data: Record<string, unknown>
}

export interface RunReport {
  startedAt: string
  durationSeconds: number
  quick: boolean
  machine: MachineInfo
  sections: Section[]
}

export function renderMarkdown(report: RunReport): string {
  const m = report.machine
  const lines = [
    `Run ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC${report.quick ? ' (quick sizes)' : ''}, ` +
      `${Math.round(report.durationSeconds)} s, on ${m.cpuModel} × ${m.cpus} (nproc ${m.nproc}), ` +
      `${m.memory} RAM, ${m.os}, Node ${m.node}, SQLite ${m.sqlite}.`,
    '',
    '| Benchmark | Measure | Figure | Baseline (same run) | Target | Met |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  for (const s of report.sections) {
    for (const f of s.figures) {
      const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**'
      lines.push(
        `| ${s.title} | ${f.measure} | ${f.value} | ${f.baseline ?? ''} | ${f.target ?? ''} | ${met} |`,
      )
    }
  }
  const notes = report.sections.flatMap((s) => s.notes.map((n) => `- ${s.title}: ${n}`))
  if (notes.length > 0) lines.push('', ...notes)
  return `${lines.join('\n')}\n`
}
