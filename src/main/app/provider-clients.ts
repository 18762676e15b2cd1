import type { KeyStore } from '../keychain'
import { createClayClient } from '../providers/clay/clay-client'
import type { ClayApi } from '../providers/clay/clay-api'
import { createModashClient } from '../providers/modash/modash-client'
import type { ModashApi } from '../providers/modash/modash-api'
import {
  SANDBOX_CLAY_KEY,
  SANDBOX_MODASH_TOKEN,
  SANDBOX_ROUTINE_ID,
  startSandboxProviders,
} from './sandbox-providers'
import type { SandboxProviders } from './sandbox-providers'
import type { AppMode } from './app-mode'

export interface ProviderClients {
  modash: ModashApi
  clay: ClayApi
  clayRoutineId: () => string | null
  /** Whether a key this run would use is present (sandbox keys always are). */
  configured: (key: 'modash' | 'clay' | 'clayRoutine') => boolean
  /** The emulators behind the clients in sandbox mode; null with real providers. */
  sandbox: SandboxProviders | null
  close(): Promise<void>
}

/**
 * The real Modash and Clay clients, pointed at the real services with the user's keys, or at the
 * local emulators with sandbox keys. Keys are read on every call, so saving one applies at once.
 */
export async function createProviderClients(options: {
  mode: AppMode
  keys: KeyStore
  env: Record<string, string | undefined>
  sandboxPerPlatform?: number
}): Promise<ProviderClients> {
  if (options.mode === 'sandbox') {
    const sandbox = await startSandboxProviders(
      options.sandboxPerPlatform === undefined ? {} : { perPlatform: options.sandboxPerPlatform },
    )
    return {
      modash: createModashClient({
        baseUrl: sandbox.modashBaseUrl,
        token: () => SANDBOX_MODASH_TOKEN,
      }),
      clay: createClayClient({ baseUrl: sandbox.clayBaseUrl, apiKey: () => SANDBOX_CLAY_KEY }),
      clayRoutineId: () => SANDBOX_ROUTINE_ID,
      configured: () => true,
      sandbox,
      close: () => sandbox.close(),
    }
  }
  const { keys, env } = options
  return {
    modash: createModashClient({
      ...(env.MODASH_API_BASE_URL ? { baseUrl: env.MODASH_API_BASE_URL } : {}),
      token: () => keys.get('modash'),
    }),
    clay: createClayClient({
      ...(env.CLAY_API_BASE_URL ? { baseUrl: env.CLAY_API_BASE_URL } : {}),
      apiKey: () => keys.get('clay'),
    }),
    clayRoutineId: () => keys.get('clayRoutine'),
    configured: (key) => keys.get(key) !== null,
    sandbox: null,
    close: () => Promise.resolve(),
  }
}
