import { execFileSync } from 'node:child_process'
import { availableParallelism, cpus, release, totalmem, type } from 'node:os'
import BetterSqlite3 from 'better-sqlite3'

export interface MachineInfo {
  cpuModel: string
  cpus: number
  nproc: number
  memory: string
  /** `free -h`, verbatim, where the command exists. */
  free: string | null
  os: string
  node: string
  sqlite: string
}

/** What the figures were measured on, printed beside them: a figure means little without it. */
export function machineInfo(): MachineInfo {
  const sqlite = new BetterSqlite3(':memory:')
  const version = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  sqlite.close()
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cpus: cpus().length,
    nproc: availableParallelism(),
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    free: command('free', ['-h']),
    os: `${type()} ${release()}`,
    node: process.versions.node,
    sqlite: version,
  }
}

function command(file: string, args: string[]): string | null {
  try {
    return execFileSync(file, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return null
  }
}
