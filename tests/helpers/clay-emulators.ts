import { afterEach } from 'vitest'
import { startClayEmulator } from '../../src/main/sandbox/clay-emulator'
import type { ClayEmulator, ClayEmulatorOptions } from '../../src/main/sandbox/clay-emulator'

/**
 * Clay emulators for one test file: `start` runs one on `base` (with a test's overrides) and every
 * one started is closed after each test, so no port or timer outlives the test that opened it.
 */
export function clayEmulators(base: ClayEmulatorOptions): {
  start: (overrides?: Partial<ClayEmulatorOptions>) => Promise<ClayEmulator>
} {
  const started: ClayEmulator[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map((instance) => instance.close()))
  })
  return {
    async start(overrides = {}) {
      const instance = await startClayEmulator({ ...base, ...overrides })
      started.push(instance)
      return instance
    },
  }
}
