import pg from 'pg'
import type { ClientConfig } from 'pg'
import type { Meter } from '../../shared/domain'
import { CHANGE_CHANNEL } from './names'
import { teamError } from './team-errors'
import type { TeamEvent } from './types'

const METERS = new Set<string>(['discovery', 'report', 'enrichment'])

/**
 * One connection that LISTENs for the team's changes and turns each notification into a
 * `TeamEvent`. It holds a connection of its own (LISTEN is per session, and a pool would hand
 * the session to someone else). When the connection drops it reconnects with growing pauses,
 * and says `connected` again each time: notifications sent meanwhile are lost, so listeners
 * pull then.
 */
export class ChangeListener {
  private client: pg.Client | null = null
  private stopped = false
  private retryMs = 250
  private timer: NodeJS.Timeout | null = null
  private live = false

  constructor(
    private readonly config: ClientConfig,
    private readonly emit: (event: TeamEvent) => void,
  ) {}

  get connected(): boolean {
    return this.live
  }

  start(): void {
    this.stopped = false
    void this.connect()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const client = this.client
    this.client = null
    this.live = false
    if (client !== null) await client.end().catch(() => undefined)
  }

  private async connect(): Promise<void> {
    if (this.stopped) return
    const client = new pg.Client({ ...this.config, query_timeout: undefined })
    this.client = client
    let failed = false
    const lost = (err: unknown) => {
      if (failed) return
      failed = true
      const wasLive = this.live
      this.live = false
      if (this.client === client) this.client = null
      client.end().catch(() => undefined)
      if (this.stopped) return
      if (wasLive) this.emit({ type: 'disconnected', error: teamError(err).toInfo() })
      this.timer = setTimeout(() => void this.connect(), this.retryMs)
      this.retryMs = Math.min(this.retryMs * 2, 10_000)
    }
    client.on('error', lost)
    client.on('end', () => lost(new Error('Connection terminated')))
    client.on('notification', (message) => {
      const event = parseEvent(message.payload)
      if (event !== null) this.emit(event)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANGE_CHANNEL}`)
      if (this.stopped || failed) {
        await client.end().catch(() => undefined)
        return
      }
      this.live = true
      this.retryMs = 250
      this.emit({ type: 'connected' })
    } catch (err) {
      lost(err)
    }
  }
}

function parseEvent(payload: string | undefined): TeamEvent | null {
  try {
    const v = JSON.parse(payload ?? '') as { t?: unknown; key?: unknown; meter?: unknown }
    const meter = typeof v.meter === 'string' && METERS.has(v.meter) ? (v.meter as Meter) : null
    if (v.t === 'purchase' && typeof v.key === 'string' && meter !== null) {
      return { type: 'purchase', key: v.key, meter }
    }
    if (v.t === 'usage' && meter !== null) return { type: 'usage', meter }
    if (v.t === 'claim' && typeof v.key === 'string') return { type: 'claim', key: v.key }
  } catch {
    // not ours
  }
  return null
}
