import type { Kysely } from 'kysely'
import type { QuotaStatus } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import type { TeamModeStatus } from '../../../shared/team-contract'
import type { Database } from '../../db/schema'
import type { SecretBackend } from '../../keychain/secret-backend'
import { parseTeamUrl } from '../../team/connection-config'
import { createTeamClient } from '../../team/team-client'
import type { TeamClient } from '../../team/team-client'
import type { TeamStatus } from '../../team/types'
import { asAppError, readInvite, testConnection } from './join-checks'
import { modeStatus } from './mode-status'
import {
  forgetTeamConnection,
  outboxDirFor,
  readTeamConnection,
  saveTeamConnection,
  serverName,
  withoutPassword,
} from './team-connection'
import type { TeamConnection } from './team-connection'
import type { TeamControl } from './team-control'
import { TeamLink } from './team-link'
import { teamQuota } from './team-meters'
import { missingPasswordError, teamPasswords } from './team-password'
import type { TeamPasswords } from './team-password'

/** The browser preview's team database for the run (its user; the password apart). */
export const TEAM_URL_ENV = 'TEAM_DATABASE_URL'

export interface TeamSessionOptions {
  dataDir: string
  env: Record<string, string | undefined>
  /** The OS keychain for the team password; absent: none (joining needs the environment's). */
  secrets?: () => SecretBackend
  /** The browser preview: TEAM_DATABASE_URL in `env` names the team database for the run. */
  urlFromEnv?: boolean
  /** Sample data never goes to a team's database. */
  sandbox: boolean
  now: () => Date
  log: (message: string) => void
  connectTimeoutMs?: number
}

/**
 * Team mode in the running app. Solo (no server) until a team is joined from Settings → Team;
 * from then on `client` is what the core's purchases go through, without a restart, until the
 * team is left. Lives outside the core: a database repair replaces the core, not the link.
 *
 * Joining, leaving and attaching a (re)opened database run one at a time.
 */
export class TeamSession implements TeamControl {
  private db: Kysely<Database> | null = null
  private link: TeamLink | null = null
  private connection: TeamConnection | null = null
  /** Team mode is configured but cannot be used: paid calls are refused rather than made solo. */
  private broken: { error: AppError; server: string | null } | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private readonly passwords: TeamPasswords

  constructor(private readonly options: TeamSessionOptions) {
    this.passwords = teamPasswords({
      ...(options.secrets === undefined ? {} : { backend: options.secrets }),
      env: options.env,
    })
  }

  /** For the core's purchases: the team's client, null when solo; throws when team mode is broken. */
  get client(): TeamClient | null {
    if (this.broken !== null) throw this.broken.error
    return this.link?.forPurchases ?? null
  }

  /**
   * The core opened (at start, or after a repair) over `db`. Reads the team set-up and opens
   * the link; no network is waited on, so start-up does not depend on the team database.
   */
  attach(db: Kysely<Database>): Promise<void> {
    return this.exclusive(async () => {
      this.db = db
      if (this.link !== null || this.broken !== null) {
        // A restored backup may predate joining: the running team stays the one on record.
        if (this.link?.origin.from === 'settings' && this.connection !== null) {
          await saveTeamConnection(db, this.connection)
        }
        return
      }
      const fromEnv = this.options.urlFromEnv ? this.options.env[TEAM_URL_ENV]?.trim() : undefined
      if (fromEnv) return this.attachFromEnvironment(fromEnv)
      const stored = await readTeamConnection(db)
      if (stored === null) return
      this.connection = stored
      this.open(
        stored,
        () => {
          const password = this.passwords.read()
          if (password === null) throw missingPasswordError()
          return password
        },
        'settings',
      )
    })
  }

  join(invite: string): Promise<TeamModeStatus> {
    return this.exclusive(async () => {
      if (this.link !== null || this.broken !== null) {
        throw new AppError(
          'PRECONDITION',
          'This laptop is already in a team: leave it first (Settings → Team).',
        )
      }
      if (this.options.sandbox) {
        throw new AppError(
          'PRECONDITION',
          'Sample data is never shared with a team: switch to your own data (Settings → Data ' +
            'and mode), then join.',
        )
      }
      const db = this.requireDb()
      const parsed = readInvite(invite)
      this.passwords.assertCanKeep()
      const connection: TeamConnection = {
        connectionString: withoutPassword(parsed.connectionString),
        ...(parsed.caCertificate === undefined ? {} : { caCertificate: parsed.caCertificate }),
      }
      const server = serverName(connection.connectionString)
      const client = this.makeClient(connection, parsed.password)
      let tested: TeamStatus
      try {
        tested = await testConnection(client, server)
        this.passwords.keep(parsed.password)
        try {
          await saveTeamConnection(db, connection)
        } catch (err) {
          // Not joined after all: no password left behind. What failed is what to report.
          try {
            this.passwords.forget()
          } catch {
            // the keychain's own refusal would hide the real reason
          }
          throw err
        }
      } catch (err) {
        await client.close().catch(() => undefined)
        throw err
      }
      this.connection = connection
      const link = this.startLink(client, server, 'settings')
      this.options.log(`team: joined ${server} as ${client.user}`)
      return modeStatus(link, tested)
    })
  }

  leave(): Promise<TeamModeStatus> {
    return this.exclusive(async () => {
      if (this.link?.origin.from === 'environment') {
        throw new AppError(
          'PRECONDITION',
          `This run's team comes from ${TEAM_URL_ENV}: start it without that variable to work solo.`,
        )
      }
      if (this.link === null && this.broken === null) return { mode: 'solo' }
      // The address goes first: if the database cannot be written, nothing has changed.
      await forgetTeamConnection(this.requireDb())
      const link = this.link
      this.link = null
      this.broken = null
      this.connection = null
      // Purchases that still owe the team a record keep it in the outbox folder on disk.
      await link?.close()
      this.options.log('team: left the team; working solo')
      this.passwords.forget()
      return { mode: 'solo' }
    })
  }

  async status(): Promise<TeamModeStatus> {
    if (this.broken !== null) {
      return {
        mode: 'team',
        ...(this.broken.server === null ? {} : { server: this.broken.server }),
        state: 'unreachable',
        error: this.broken.error.toInfo(),
      }
    }
    const link = this.link
    if (link === null) return { mode: 'solo' }
    return modeStatus(link, await link.meters.fresh())
  }

  async withTeamMeters(local: QuotaStatus): Promise<QuotaStatus> {
    if (this.broken !== null) {
      return {
        ...local,
        team: {
          user: '',
          state: 'unreachable',
          reason: this.broken.error.message,
          readAt: null,
          resetsAt: null,
          meters: [],
        },
      }
    }
    const link = this.link
    return link === null ? local : { ...local, team: teamQuota(await link.meters.current()) }
  }

  /** Resolves when the offline copy has caught up with what was asked so far (tests). */
  async synced(): Promise<void> {
    await this.link?.sync.request()
  }

  /** Before the database closes: no more pulls into it (one under way finishes first). */
  async detach(): Promise<void> {
    this.db = null
    await this.link?.sync.idle()
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      const link = this.link
      this.link = null
      this.db = null
      await link?.close()
    })
  }

  private attachFromEnvironment(url: string): void {
    let connection: TeamConnection
    let urlPassword: string | null
    try {
      urlPassword = parseTeamUrl(url).password
      connection = { connectionString: withoutPassword(url) }
    } catch (err) {
      this.broken = { error: asAppError(err), server: null }
      this.options.log(`team: ${TEAM_URL_ENV} cannot be used: ${this.broken.error.message}`)
      return
    }
    if (this.options.sandbox) {
      this.options.log(`team: ${TEAM_URL_ENV} is ignored with sample data; working solo`)
      return
    }
    this.open(
      connection,
      () => {
        const password = this.passwords.read() ?? urlPassword
        if (password === null) throw missingPasswordError()
        return password
      },
      'environment',
    )
  }

  /** A link from what is on record; a set-up that cannot be used refuses paid calls. */
  private open(
    connection: TeamConnection,
    password: () => string,
    from: 'settings' | 'environment',
  ): void {
    let server: string | null = null
    try {
      server = serverName(connection.connectionString)
      const client = this.makeClient(connection, password)
      this.startLink(client, server, from)
    } catch (err) {
      this.broken = { error: asAppError(err), server }
      this.options.log(`team: the team database cannot be used: ${this.broken.error.message}`)
    }
  }

  private startLink(client: TeamClient, server: string, from: 'settings' | 'environment') {
    const link = new TeamLink(
      client,
      { server, from },
      { db: () => this.db, now: this.options.now, log: this.options.log },
    )
    this.link = link
    link.start()
    return link
  }

  private makeClient(connection: TeamConnection, password: string | (() => string)): TeamClient {
    try {
      return createTeamClient({
        connectionString: connection.connectionString,
        password,
        ...(connection.caCertificate === undefined
          ? {}
          : { caCertificate: connection.caCertificate }),
        outboxDir: outboxDirFor(this.options.dataDir, connection.connectionString),
        ...(this.options.connectTimeoutMs === undefined
          ? {}
          : { connectTimeoutMs: this.options.connectTimeoutMs }),
        log: this.options.log,
      })
    } catch (err) {
      // A certificate file named in the address that cannot be read, and the like.
      throw err instanceof AppError
        ? err
        : new AppError(
            'VALIDATION',
            `The team database address cannot be used: ${err instanceof Error ? err.message : String(err)}.`,
            { team: 'address' },
          )
    }
  }

  private requireDb(): Kysely<Database> {
    if (this.db === null) {
      throw new AppError(
        'PRECONDITION',
        'The local database is not open, so team mode cannot be changed now.',
      )
    }
    return this.db
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }
}
