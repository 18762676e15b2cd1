import { join } from 'node:path'
import { userInfo } from 'node:os'
import type { AppInfo } from '../../shared/domain'
import type { OnUpgradeProgress } from '../db/migration-progress'
import type { ChooseExportPath } from '../export/csv-export'
import type { Handlers } from '../ipc/dispatch'
import type { KeyStore } from '../keychain'
import type { SecretBackend } from '../keychain/secret-backend'
import { createPictureCache } from '../pictures/picture-cache'
import { createCore } from '../services/create-core'
import type { Core } from '../services/core-types'
import { modeDataDir } from './app-mode'
import { createModeSwitch } from './mode-switch'
import type { AppMode } from './app-mode'
import { DataSession } from './data-session'
import { createHandlers } from './handler-table'
import { createProviderClients } from './provider-clients'
import type { SandboxProviders } from './sandbox-providers'
import { TeamSession } from './team/team-session'

export interface StartServicesOptions {
  /** The user's data folder; sandbox mode works in its `sandbox/` subfolder. */
  baseDataDir: string
  mode: AppMode
  keys: KeyStore
  /** `MODASH_API_BASE_URL`, `CLAY_API_BASE_URL` (real mode only). */
  env: Record<string, string | undefined>
  choosePath: ChooseExportPath
  version: string
  nativeBinding?: string
  clock?: { now(): Date }
  sandboxPerPlatform?: number
  /** Restarts the app (Electron); absent where the user restarts it (the browser preview). */
  restart?: () => void
  /** When the first daily backup is looked at after start; default 10 s (`BackupSchedule`). */
  firstBackupDelayMs?: number
  /** The OS keychain for the team password; absent: none (joining a team needs the environment's). */
  secrets?: () => SecretBackend
  /** The browser preview: TEAM_DATABASE_URL in `env` names the team database for the run. */
  teamUrlFromEnv?: boolean
  /** Told how a one-time database upgrade is going, for the shell to show. */
  onUpgradeProgress?: OnUpgradeProgress
}

export interface RunningServices {
  handlers: Handlers
  /** The core over the open database; throws the STORAGE "damaged" error while there is none. */
  readonly core: Core
  info: AppInfo
  /** The sample-data emulators when in sandbox mode (tests drive faults through them). */
  sandbox: SandboxProviders | null
  /** The database file's state, recovery and backups. */
  session: DataSession
  /** Team mode: solo until a team is joined (Settings → Team). */
  team: TeamSession
  close(): Promise<void>
}

/**
 * The composition root shared by the Electron app and the browser preview: provider clients (or
 * the sandbox emulators), the core, the picture cache and the handler table. A damaged database
 * does not throw: the app starts with only the `db:*` channels (and the shell's own) working.
 */
export async function startServices(options: StartServicesOptions): Promise<RunningServices> {
  const dataDir = modeDataDir(options.baseDataDir, options.mode)
  const clients = await createProviderClients({
    mode: options.mode,
    keys: options.keys,
    env: options.env,
    ...(options.sandboxPerPlatform === undefined
      ? {}
      : { sandboxPerPlatform: options.sandboxPerPlatform }),
  })
  const now = () => options.clock?.now() ?? new Date()
  const info: AppInfo = {
    version: options.version,
    dataDir,
    mode: options.mode,
    keychain: options.keys.keychain,
  }
  const log = (message: string) => console.error(`[creator-desk] ${message}`)
  // Outside the data session: a database repair replaces the core, not the team link.
  const team = new TeamSession({
    dataDir,
    env: options.env,
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    urlFromEnv: options.teamUrlFromEnv === true,
    sandbox: options.mode === 'sandbox',
    now,
    log,
  })
  const switchMode = createModeSwitch({
    baseDataDir: options.baseDataDir,
    current: options.mode,
    env: options.env,
    ...(options.restart === undefined ? {} : { restart: options.restart }),
  })
  // The core lives in a data session: a damaged database does not stop the app, and recovery or
  // a restore replaces the core in this process behind the same handler table.
  const session = new DataSession({
    dataDir,
    now,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    ...(options.firstBackupDelayMs === undefined
      ? {}
      : { firstBackupDelayMs: options.firstBackupDelayMs }),
    openCore: async () => {
      const core = await createCore({
        dataDir,
        ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        modash: clients.modash,
        clay: clients.clay,
        clayRoutineId: clients.clayRoutineId,
        defaultUserId: defaultUserId(),
        sandbox: options.mode === 'sandbox',
        ...(options.onUpgradeProgress === undefined
          ? {}
          : { onUpgradeProgress: options.onUpgradeProgress }),
        // Read at every purchase: joining or leaving a team applies at once.
        team: () => team.client,
      })
      // Before any purchase can start: a paid call must never go solo while a team is on record.
      try {
        await team.attach(core.deps.db)
      } catch (err) {
        await core.close().catch(() => undefined)
        throw err
      }
      return core
    },
    buildHandlers: (core, storage) =>
      createHandlers({
        core,
        keys: options.keys,
        clients,
        pictures: createPictureCache({
          dir: join(dataDir, 'pictures'),
          pictureUrl: (id) => core.creators.pictureUrl(id),
          // Sample creators' pictures live on a reserved host that does not exist: the sandbox
          // never reaches the internet, not even for a DNS lookup.
          isOffline: async () => options.mode === 'sandbox' || (await core.settings.get()).offline,
        }),
        choosePath: options.choosePath,
        mode: options.mode,
        info: () => info,
        switchMode,
        now,
        storage,
        team,
      }),
    // The Modash balance, read once at start so the ledger can hold paid calls to it and the
    // Usage screen can show spending made elsewhere. Not awaited: start-up never waits for the
    // network. A failure (offline, no key, Modash down) is kept as "balance unknown" with its
    // reason.
    onOpened: (core) => void core.usage.reconcile().catch(() => undefined),
    log,
  })
  try {
    await session.start()
  } catch (err) {
    await team.close()
    await clients.close()
    throw err
  }
  return {
    handlers: session.handlers,
    get core() {
      return session.core
    },
    info,
    sandbox: clients.sandbox,
    session,
    team,
    close: async () => {
      // Pulls stop before the database closes; the client after it, for purchases under way.
      await team.detach()
      await session.close()
      await team.close()
      await clients.close()
    },
  }
}

function defaultUserId(): string {
  try {
    return userInfo().username || 'me'
  } catch {
    return 'me'
  }
}
