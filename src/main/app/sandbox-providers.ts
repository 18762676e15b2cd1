import { startClayEmulator } from '../sandbox/clay-emulator'
import type { ClayEmulator } from '../sandbox/clay-emulator'
import { generateDataset } from '../sandbox/dataset/generate-dataset'
import type { SandboxCreator } from '../sandbox/dataset/generate-dataset'
import { startModashEmulator } from '../sandbox/modash-emulator'
import type { ModashEmulator } from '../sandbox/modash-emulator'

/** Credentials that only the local emulators accept; they mean nothing to the real services. */
export const SANDBOX_MODASH_TOKEN = 'sandbox-modash-token'
export const SANDBOX_CLAY_KEY = 'sandbox-clay-key'
export const SANDBOX_ROUTINE_ID = 'function:sandbox_email'
export const SANDBOX_SEED = 20_260_601
export const SANDBOX_PER_PLATFORM = 2000

export interface SandboxProviders {
  modashBaseUrl: string
  clayBaseUrl: string
  /** The running emulators and the population they serve: in-process only, for tests. */
  emulators: { modash: ModashEmulator; clay: ClayEmulator; dataset: readonly SandboxCreator[] }
  close(): Promise<void>
}

/**
 * The Modash and Clay emulators on 127.0.0.1, serving the seeded sample population, so "Try with
 * sample data" exercises the real clients, cache and ledger without an account or a cent.
 */
export async function startSandboxProviders(
  options: { perPlatform?: number; seed?: number } = {},
): Promise<SandboxProviders> {
  const dataset = generateDataset({
    seed: options.seed ?? SANDBOX_SEED,
    perPlatform: options.perPlatform ?? SANDBOX_PER_PLATFORM,
  })
  const modash = await startModashEmulator({
    dataset,
    // Milli-credits: enough for anything a person clicks through in a sample session.
    tokens: { [SANDBOX_MODASH_TOKEN]: 1_000_000_000 },
    rateLimit: false,
  })
  try {
    const clay = await startClayEmulator({
      apiKeys: { [SANDBOX_CLAY_KEY]: 1_000_000 },
      routines: [SANDBOX_ROUTINE_ID],
      emails: clayEmailFixtures(dataset),
    })
    return {
      modashBaseUrl: modash.baseUrl,
      clayBaseUrl: clay.baseUrl,
      emulators: { modash, clay, dataset },
      close: async () => {
        await Promise.allSettled([modash.close(), clay.close()])
      },
    }
  } catch (err) {
    await modash.close()
    throw err
  }
}

/** Clay looks creators up by handle; either spelling a creator goes by finds the same email. */
export function clayEmailFixtures(
  dataset: readonly SandboxCreator[],
): Record<string, string | null> {
  const emails: Record<string, string | null> = {}
  for (const creator of dataset) {
    for (const key of [creator.username, creator.handle]) {
      if (key === null) continue
      const lower = key.toLowerCase()
      // Two platforms may share a name; an email found for either is kept rather than erased.
      emails[lower] = emails[lower] ?? creator.clayEmail
    }
  }
  return emails
}
