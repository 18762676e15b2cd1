import { join } from 'node:path'
import { userInfo } from 'node:os'
import type { AppInfo } from '../../shared/domain'
import type { ChooseExportPath } from '../export/csv-export'
import type { Handlers } from '../ipc/dispatch'
import type { KeyStore } from '../keychain'
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
    openCore: () =>
      createCore({
        dataDir,
        ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        modash: clients.modash,
        clay: clients.clay,
        clayRoutineId: clients.clayRoutineId,
        defaultUserId: defaultUserId(),
        sandbox: options.mode === 'sandbox',
      }),
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
      }),
    // The Modash balance, read once at start so the ledger can hold paid calls to it and the
    // Usage screen can show spending made elsewhere. Not awaited: start-up never waits for the
    // network. A failure (offline, no key, Modash down) is kept as "balance unknown" with its
    // reason.
    onOpened: (core) => void core.usage.reconcile().catch(() => undefined),
    log: (message) => console.error(`[creator-desk] ${message}`),
  })
  try {
    await session.start()
  } catch (err) {
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
    close: async () => {
      await session.close()
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
