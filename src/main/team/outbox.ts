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
import type { TeamAudit, TeamPurchaseEntry } from './types'

/** A call to the team database that must reach it eventually, and may be retried as is. */
export type OutboxOp =
  | { op: 'publish'; entry: TeamPurchaseEntry }
  | { op: 'settle'; reservationId: number; units: number; milliCredits: number; audit: TeamAudit }
  | { op: 'release'; reservationId: number; audit: TeamAudit | null }
  | { op: 'abandon'; key: string; token: string }

export interface OutboxItem {
  id: string
  at: string
  item: OutboxOp
}

const SUFFIX = '.json'
const PART = '.part'
const REJECTED = '.rejected'

/**
 * The laptop's queue of team calls not yet acknowledged, one fsynced file each, in the data
 * folder. A paid answer is written here before it is sent to the team database, so a server
 * that is down, restarting or unreachable loses nothing: the queue is sent again when it
 * answers. Every call in it is idempotent on the server (purchase id, reservation id, claim
 * token), so sending one twice changes nothing. Written to a temporary name and renamed: an
 * item is whole or absent.
 */
export class TeamOutbox {
  private readonly items = new Map<string, OutboxItem>()
  private counter = 0

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true })
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (name.endsWith(PART)) rmSync(path, { force: true })
      if (!name.endsWith(SUFFIX)) continue
      try {
        const item = JSON.parse(readFileSync(path, 'utf8')) as OutboxItem
        if (typeof item.id === 'string' && typeof item.item?.op === 'string') {
          this.items.set(name, item)
          continue
        }
      } catch {
        // unreadable: set aside below
      }
      renameSync(path, `${path}${REJECTED}`)
    }
  }

  get size(): number {
    return this.items.size
  }

  /** Oldest first: the order they were made in. */
  entries(): Array<{ file: string; item: OutboxItem }> {
    return [...this.items.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, item]) => ({ file, item }))
  }

  /** Writes and fsyncs; returns the file name that `remove` takes. */
  add(op: OutboxOp): string {
    const at = new Date().toISOString()
    const id = randomUUID()
    // Sortable by time, then by order within this process.
    const file = `${at.replace(/[:.]/g, '-')}-${String(this.counter++).padStart(8, '0')}-${id}${SUFFIX}`
    const path = join(this.dir, file)
    const temp = `${path}${PART}`
    const fd = openSync(temp, 'wx')
    try {
      writeSync(fd, JSON.stringify({ id, at, item: op } satisfies OutboxItem))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
    this.items.set(file, { id, at, item: op })
    return file
  }

  remove(file: string): void {
    this.items.delete(file)
    rmSync(join(this.dir, file), { force: true })
  }

  /** Kept for a person to look at, and never sent again: the server refused it for good. */
  reject(file: string): void {
    this.items.delete(file)
    try {
      renameSync(join(this.dir, file), join(this.dir, `${file}${REJECTED}`))
    } catch {
      // already gone
    }
  }
}
