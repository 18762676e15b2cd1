import { join } from 'node:path'
import { sql } from 'kysely'
import { createHandlers } from '../../../src/main/app/handler-table'
import { exportFolder } from '../../../src/main/app/export-folder'
import { DATABASE_FILE } from '../../../src/main/db/database'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { Handlers } from '../../../src/main/ipc/dispatch'
import { openKeyStore } from '../../../src/main/keychain'
import { createPictureCache } from '../../../src/main/pictures/picture-cache'
import type { ClayApi } from '../../../src/main/providers/clay/clay-api'
import type { ClayClientOptions } from '../../../src/main/providers/clay/clay-client'
import type { ModashApi } from '../../../src/main/providers/modash/modash-api'
import type { ModashClientOptions } from '../../../src/main/providers/modash/modash-client'
import type { ClayEmulatorOptions } from '../../../src/main/sandbox/clay-emulator'
import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'
import { SANDBOX_CLAY_MAPPING } from '../../../src/main/services/clay-mapping'
import { createCore } from '../../../src/main/services/create-core'
import type { Envelope } from '../../../src/shared/errors'
import type { Channel, ChannelInput, ChannelResult } from '../../../src/shared/ipc-contract'
import { CLAY_KEY, MODASH_TOKEN, ROUTINE, startProviders } from '../../helpers/core-harness'
import { ManualClock } from '../../helpers/manual-clock'
import { makeTempDir } from '../../helpers/temp-dir'
import { memoryKeychain } from './memory-keychain'

export { CLAY_KEY, MODASH_TOKEN, ROUTINE }
export const CLAY_CREDITS = 1_000_000

export interface RigOptions {
  dataset?: SandboxCreator[]
  /** How long a write waits for another connection's lock (SQLite busy timeout). */
  busyTimeoutMs?: number
  modashMilliCredits?: number
  clay?: Partial<ClayEmulatorOptions>
  modashClient?: Partial<ModashClientOptions>
  clayClient?: Partial<ClayClientOptions>
  /** Wraps the clients the core uses (built from the options above). */
  wrapClients?: (
    clients: { modash: ModashApi; clay: ClayApi },
    baseUrls: BaseUrls,
  ) => {
    modash: ModashApi
    clay: ClayApi
  }
}

export interface BaseUrls {
  modash: string
  clay: string
}

/**
 * The core over a real SQLite file, both emulators on loopback, and the app's own handler table
 * in front, reached through `dispatch` exactly as IPC and the preview bridge reach it. Clients
 * time out and retry fast so fault cases stay cheap.
 */
export async function startRig(options: RigOptions = {}) {
  const { dataset, modashEmu, clayEmu, modash, clay } = await startProviders({
    ...options,
    modashMilliCredits: options.modashMilliCredits ?? 1_000_000_000,
    clayCredits: CLAY_CREDITS,
    clayClient: {
      poll: { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 1500 },
      ...options.clayClient,
    },
  })
  const clients = options.wrapClients?.(
    { modash, clay },
    { modash: modashEmu.baseUrl, clay: clayEmu.baseUrl },
  ) ?? { modash, clay }
  const tmp = makeTempDir('creator-desk-reliability-')
  const clock = new ManualClock()
  const core = await createCore({
    dataDir: tmp.dir,
    clock,
    modash: clients.modash,
    clay: clients.clay,
    clayRoutineId: () => ROUTINE,
    // The emulator's default routine, mapped as sample mode maps it.
    clayMapping: SANDBOX_CLAY_MAPPING,
    defaultUserId: 'tester',
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  })
  const exportDir = join(tmp.dir, 'exports')
  const keys = openKeyStore({ backend: memoryKeychain, env: {} })
  const pictures = createPictureCache({
    dir: join(tmp.dir, 'pictures'),
    pictureUrl: (id) => core.creators.pictureUrl(id),
    isOffline: () => Promise.resolve(true),
  })
  const handlers: Handlers = createHandlers({
    core,
    keys,
    clients: { ...clients, configured: () => true },
    pictures,
    choosePath: exportFolder(exportDir),
    mode: 'real',
    info: () => ({ version: 'test', dataDir: tmp.dir, mode: 'real', keychain: keys.keychain }),
    switchMode: (mode) =>
      Promise.resolve({ mode, restarting: false, message: 'Restart to switch.' }),
    now: () => clock.now(),
  })
  /** Errors that escaped a handler as something other than an AppError. */
  const unexpected: unknown[] = []
  /** Handler invocations: an input refused "before any work" never gets this far. */
  const handled = { count: 0 }
  const counted = Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      (input: never) => {
        handled.count++
        return (handler as (input: never) => Promise<unknown>)(input)
      },
    ]),
  ) as Handlers

  /** One IPC call, input unparsed, answered with the envelope the renderer would get. */
  const call = (channel: string, input: unknown): Promise<Envelope<unknown>> =>
    dispatch(counted, channel, input, (err) => unexpected.push(err))

  /** A call that must succeed; its data, typed by the contract. */
  async function ok<C extends Channel>(channel: C, input: ChannelInput<C>) {
    const envelope = await call(channel, input)
    if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
    return envelope.data as ChannelResult<C>
  }

  return {
    dataset,
    modashEmu,
    clayEmu,
    core,
    db: core.deps.db,
    clock,
    handlers: counted,
    handled,
    call,
    ok,
    unexpected,
    dataDir: tmp.dir,
    dbPath: join(tmp.dir, DATABASE_FILE),
    exportDir,
    async checkpoint() {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(core.deps.db)
    },
    async close() {
      await core.close()
      await modashEmu.close()
      await clayEmu.close()
      tmp.cleanup()
    },
  }
}

export type Rig = Awaited<ReturnType<typeof startRig>>
