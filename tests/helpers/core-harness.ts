import { createClayClient } from '../../src/main/providers/clay/clay-client'
import type { ClayClientOptions } from '../../src/main/providers/clay/clay-client'
import { createModashClient } from '../../src/main/providers/modash/modash-client'
import type { ModashClientOptions } from '../../src/main/providers/modash/modash-client'
import { startClayEmulator } from '../../src/main/sandbox/clay-emulator'
import type { ClayEmulatorOptions } from '../../src/main/sandbox/clay-emulator'
import { generateDataset } from '../../src/main/sandbox/dataset/generate-dataset'
import type { SandboxCreator } from '../../src/main/sandbox/dataset/generate-dataset'
import { startModashEmulator } from '../../src/main/sandbox/modash-emulator'
import { SANDBOX_CLAY_MAPPING } from '../../src/main/services/clay-mapping'
import { createCore } from '../../src/main/services/create-core'
import type { ClayMapping } from '../../src/shared/domain'
import { ManualClock } from './manual-clock'
import { makeTempDir } from './temp-dir'

export const MODASH_TOKEN = 'mdsh-test-token-7f3a9c1e5b'
export const CLAY_KEY = 'clay-test-key-2d8e4b6f0a'
export const ROUTINE = 'function:t_email'

let cachedDataset: SandboxCreator[] | null = null
/** One seeded dataset for every test in a worker: generating it is the slow part. */
export function testDataset(): SandboxCreator[] {
  cachedDataset ??= generateDataset({ seed: 7, perPlatform: 400 })
  return cachedDataset
}

/** Clay's fixture: the emails Clay "finds", keyed the way the emulator looks items up. */
export function clayEmails(dataset: SandboxCreator[]): Record<string, string | null> {
  const emails: Record<string, string | null> = {}
  for (const c of dataset) emails[c.username.toLowerCase()] = c.clayEmail
  return emails
}

export interface ProviderOptions {
  dataset?: SandboxCreator[]
  modashMilliCredits?: number
  clayCredits?: number
  clay?: Partial<ClayEmulatorOptions>
  modashClient?: Partial<ModashClientOptions>
  clayClient?: Partial<ClayClientOptions>
}

/**
 * Both emulators on loopback and the real clients pointed at them. Retries and polls are fast
 * so fault cases stay cheap; callers override what their case needs.
 */
export async function startProviders(options: ProviderOptions = {}) {
  const dataset = options.dataset ?? testDataset()
  const modashEmu = await startModashEmulator({
    dataset,
    tokens: { [MODASH_TOKEN]: options.modashMilliCredits ?? 10_000_000 },
    rateLimit: false,
  })
  const clayEmu = await startClayEmulator({
    apiKeys: { [CLAY_KEY]: options.clayCredits ?? 100_000 },
    routines: [ROUTINE],
    emails: clayEmails(dataset),
    ...options.clay,
  })
  const modash = createModashClient({
    baseUrl: modashEmu.baseUrl,
    token: () => MODASH_TOKEN,
    timeoutMs: 2000,
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    limits: { searchPerSecond: 1000, reportPerSecond: 1000, usersPerSecond: 1000 },
    ...options.modashClient,
  })
  const clay = createClayClient({
    baseUrl: clayEmu.baseUrl,
    apiKey: () => CLAY_KEY,
    timeoutMs: 2000,
    poll: { initialDelayMs: 5, maxDelayMs: 20, timeoutMs: 1000 },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...options.clayClient,
  })
  return { dataset, modashEmu, clayEmu, modash, clay }
}

/**
 * The core over a real SQLite file in a temp folder, talking real HTTP to both emulators on
 * loopback, with a clock the test moves.
 */
export async function startHarness(
  options: {
    modashMilliCredits?: number
    clay?: Partial<ClayEmulatorOptions>
    clayClient?: Partial<ClayClientOptions>
    /** Default: the emulator's default routine's columns, as sample mode maps them. */
    clayMapping?: ClayMapping
  } = {},
) {
  const { dataset, modashEmu, clayEmu, modash, clay } = await startProviders(options)
  const tmp = makeTempDir()
  const clock = new ManualClock()
  const core = await createCore({
    dataDir: tmp.dir,
    clock,
    modash,
    clay,
    clayRoutineId: () => ROUTINE,
    clayMapping: options.clayMapping ?? SANDBOX_CLAY_MAPPING,
    defaultUserId: 'tester',
  })
  return {
    dataset,
    modashEmu,
    clayEmu,
    core,
    clock,
    dataDir: tmp.dir,
    async close() {
      await core.close()
      await modashEmu.close()
      await clayEmu.close()
      tmp.cleanup()
    },
  }
}

export type Harness = Awaited<ReturnType<typeof startHarness>>
