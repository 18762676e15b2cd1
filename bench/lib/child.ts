import { execFileSync } from 'node:child_process'

/**
 * Some figures need a process of their own: peak memory (RSS) means nothing in a process that
 * already held a million-row dataset, and a start-up is only a start-up in a fresh one. The
 * runner re-runs its own bundle with `--child=<task>` and reads one JSON line back.
 */
export function inChild<T>(task: string, args: Record<string, string>): T {
  const flags = Object.entries(args).map(([k, v]) => `--${k}=${v}`)
  const out = execFileSync(process.execPath, [process.argv[1] ?? '', `--child=${task}`, ...flags], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  const line = out.trim().split('\n').pop() ?? ''
  return JSON.parse(line) as T
}

export function flag(args: readonly string[], name: string): string {
  const value = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  if (value === undefined) throw new Error(`missing --${name}`)
  return value
}
