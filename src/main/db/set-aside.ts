import { existsSync, renameSync } from 'node:fs'

/** SQLite's companions of a database file; a WAL can hold the newest committed rows. */
const COMPANIONS = ['-wal', '-shm'] as const

/** `20261120-100000`: sortable, and valid in a file name on every system (no colons). */
export function fileStamp(at: Date): string {
  const iso = at.toISOString()
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`
}

/**
 * Moves a database file and its WAL and shared-memory files out of the way, to
 * `<file>.<label>-<stamp>` (and `…-wal`, `…-shm`, so SQLite still pairs them), and returns the
 * new path. Nothing is ever deleted: a damaged or replaced file may hold what the user bought.
 * The database must be closed.
 */
export function setAside(path: string, label: 'damaged' | 'replaced', at: Date): string {
  const base = `${path}.${label}-${fileStamp(at)}`
  let target = base
  // Two in the same second (a retry): never overwrite the one kept before.
  for (let n = 2; [target, ...COMPANIONS.map((c) => target + c)].some(existsSync); n++) {
    target = `${base}-${n}`
  }
  for (const suffix of COMPANIONS) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  }
  // The main file last: a WAL left behind beside a new file of the same name would be replayed
  // into it, whereas a main file left without its WAL is still a consistent (older) database.
  if (existsSync(path)) renameSync(path, target)
  return target
}
