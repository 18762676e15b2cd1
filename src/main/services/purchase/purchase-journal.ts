import { randomUUID } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import type { ApiCallEntry } from '../api-logger'
import type { Reservation } from '../quota-ledger'

/** One paid answer, written to disk the moment it arrives, before any database write. */
export interface JournalEntry {
  id: string
  /** What was bought (`search:…`, `report:…`, `email:…`): a pending entry blocks buying it again. */
  key: string
  kind: string
  provider: 'modash' | 'clay'
  context: unknown
  /** The body as the provider sent it. */
  raw: unknown
  /** The local ledger's reservation; null in team mode, where the team's ledger counts it. */
  reservation: Reservation | null
  charge: { units: number; milliCredits: number }
  /** The audit row of the purchase, written with the cache rows. */
  audit: ApiCallEntry
  boughtAt: string
}

const SUFFIX = '.json'
const PART = '.part'

/**
 * The purchase journal: one small file per paid answer in the data folder, outside SQLite. It is
 * what makes a purchase durable when the database cannot be written at that moment (locked by
 * another program, full, damaged): the answer waits here, fsynced, until it is stored, and a
 * later click or the next start stores it instead of buying it again. A file is written to a
 * temporary name and renamed, so an entry is either whole or absent.
 */
export class PurchaseJournal {
  private readonly pending = new Map<string, JournalEntry>()

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true })
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      // A temporary file is a write cut short by a crash: the entry never became durable.
      if (name.endsWith(PART)) rmSync(path, { force: true })
      if (!name.endsWith(SUFFIX)) continue
      const entry = readEntry(path)
      if (entry) this.pending.set(entry.id, entry)
      // Never deleted: set aside for a person to look at, and out of the way of the replay.
      else renameSync(path, `${path}.unreadable`)
    }
  }

  static newId(): string {
    return randomUUID()
  }

  /** Entries not yet stored in the database, oldest first. */
  entries(): JournalEntry[] {
    return [...this.pending.values()].sort((a, b) => a.boughtAt.localeCompare(b.boughtAt))
  }

  /** The pending entry for what `key` names, if its answer is still waiting to be stored. */
  pendingFor(key: string): JournalEntry | undefined {
    for (const entry of this.pending.values()) if (entry.key === key) return entry
    return undefined
  }

  get size(): number {
    return this.pending.size
  }

  /** Writes and fsyncs the entry; throws when the disk refuses (the caller carries on). */
  write(entry: JournalEntry): void {
    const path = join(this.dir, `${entry.id}${SUFFIX}`)
    const temp = `${path}${PART}`
    const fd = openSync(temp, 'wx')
    try {
      writeSync(fd, JSON.stringify(entry))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
    this.pending.set(entry.id, entry)
  }

  /** Forgets an entry once its purchase is stored in the database. */
  remove(id: string): void {
    this.pending.delete(id)
    rmSync(join(this.dir, `${id}${SUFFIX}`), { force: true })
  }
}

function readEntry(path: string): JournalEntry | null {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Partial<JournalEntry>
    const wellFormed =
      typeof entry.id === 'string' &&
      typeof entry.key === 'string' &&
      typeof entry.kind === 'string' &&
      typeof entry.boughtAt === 'string' &&
      (entry.reservation === null || typeof entry.reservation?.id === 'number') &&
      Number.isInteger(entry.charge?.units) &&
      Number.isInteger(entry.charge?.milliCredits) &&
      typeof entry.audit === 'object'
    return wellFormed ? (entry as JournalEntry) : null
  } catch {
    return null
  }
}
