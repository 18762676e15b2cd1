import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { exportFolder } from '../../../src/main/app/export-folder'
import { startServices } from '../../../src/main/app/start-services'
import type { RunningServices } from '../../../src/main/app/start-services'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { openKeyStore, osKeychainBackend, probeKeychain } from '../../../src/main/keychain'
import type { SecretBackend } from '../../../src/main/keychain'
import type { Envelope } from '../../../src/shared/errors'
import type { Channel, ChannelInput, ChannelResult } from '../../../src/shared/ipc-contract'
import { memoryKeychain } from '../../reliability/helpers/memory-keychain'

/**
 * A laptop as the app runs it: the composition root (`startServices`) over its own data folder,
 * real providers pointed at the Modash emulator, and the handler table reached through
 * `dispatch`, exactly as IPC reaches it.
 */
export interface AppLaptop {
  services: RunningServices
  dataDir: string
  /** Every answer this laptop gave, as the renderer would have received it. */
  answers: string[]
  call(channel: string, input: unknown): Promise<Envelope<unknown>>
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  close(): Promise<void>
}

export async function startAppLaptop(options: {
  dataDir: string
  modashUrl: string
  modashToken: string
  secrets?: () => SecretBackend
  env?: Record<string, string>
  /** As the browser preview starts: TEAM_DATABASE_URL in `env` names the team database. */
  teamUrlFromEnv?: boolean
}): Promise<AppLaptop> {
  const env = {
    MODASH_API_BASE_URL: options.modashUrl,
    // Nothing here calls Clay; a closed port keeps a stray call off the internet.
    CLAY_API_BASE_URL: 'http://127.0.0.1:9',
    ...options.env,
  }
  const services = await startServices({
    baseDataDir: options.dataDir,
    mode: 'real',
    keys: openKeyStore({
      backend: memoryKeychain,
      env: { MODASH_API_KEY: options.modashToken },
    }),
    env,
    choosePath: exportFolder(join(options.dataDir, 'exports')),
    version: 'test',
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    ...(options.teamUrlFromEnv === undefined ? {} : { teamUrlFromEnv: options.teamUrlFromEnv }),
  })
  const answers: string[] = []
  const call = async (channel: string, input: unknown) => {
    const envelope = await dispatch(services.handlers, channel, input)
    answers.push(JSON.stringify(envelope))
    return envelope
  }
  return {
    services,
    dataDir: options.dataDir,
    answers,
    call,
    async ok(channel, input) {
      const envelope = await call(channel, input)
      if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
      return envelope.data as never
    },
    close: () => services.close(),
  }
}

/**
 * The OS keychain under a service name of this run's own (never the user's "Creator Desk"
 * entries) when one answers, as under scripts/with-keyring.sh; else one in memory, said aloud.
 */
export function testKeychain(): { backend: SecretBackend; real: boolean } {
  const os = osKeychainBackend(`Creator Desk Test ${randomUUID()}`)
  if (process.env.DBUS_SESSION_BUS_ADDRESS && probeKeychain(os)) return { backend: os, real: true }
  if (process.env.CI) throw new Error('no OS keychain: run through scripts/with-keyring.sh')
  console.warn('[team tests] no OS keychain answers: using one in memory')
  return { backend: memoryKeychain(), real: false }
}

/** A keychain that is not there, as on Linux without a Secret Service. */
export function missingKeychain(): SecretBackend {
  const refuse = () => {
    throw new Error('org.freedesktop.secrets was not provided by any .service files')
  }
  return { get: refuse, set: refuse, delete: refuse }
}
