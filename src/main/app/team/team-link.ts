import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { TeamClient } from '../../team/team-client'
import type { TeamEvent } from '../../team/types'
import { meteredClient } from './metered-client'
import { OfflineSync } from './offline-sync'
import { TeamMeters } from './team-meters'

/**
 * One live team connection: the client the purchases go through, the offline copy it keeps up
 * to date and the meters it shows, all driven by the team's pushes.
 */
export class TeamLink {
  readonly meters: TeamMeters
  readonly sync: OfflineSync
  /** What the core's purchases use: the same client, telling the meters when it spent. */
  readonly forPurchases: TeamClient
  private unsubscribe: (() => void) | null = null

  constructor(
    readonly client: TeamClient,
    /** Where it was configured, and "host:port/database" for the status line. */
    readonly origin: { server: string; from: 'settings' | 'environment' },
    deps: {
      db: () => Kysely<Database> | null
      now: () => Date
      log: (message: string) => void
    },
  ) {
    this.meters = new TeamMeters(client, () => deps.now().getTime(), deps.log)
    this.forPurchases = meteredClient(client, () => this.meters.invalidate())
    this.sync = new OfflineSync({
      client,
      db: deps.db,
      teamId: async () => this.meters.latest?.teamId ?? (await this.meters.fresh()).teamId,
      now: deps.now,
      log: deps.log,
    })
  }

  /** Starts listening and the first pull; never waits on the network. */
  start(): void {
    this.unsubscribe = this.client.onChange((event) => this.on(event))
    this.meters.changed()
    void this.sync.request()
  }

  async close(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = null
    await this.sync.stop()
    await this.meters.stop()
    await this.client.close()
  }

  private on(event: TeamEvent): void {
    switch (event.type) {
      case 'connected':
        // Pushes sent while away are lost: catch up on both.
        this.meters.changed()
        void this.sync.request()
        return
      case 'purchase':
        this.meters.changed()
        void this.sync.request()
        return
      case 'usage':
        this.meters.changed()
        return
      case 'disconnected':
        this.meters.lost(event.error)
        return
      case 'claim':
        return
    }
  }
}
