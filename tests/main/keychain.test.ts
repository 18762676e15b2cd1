import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import {
  KEY_ACCOUNTS,
  openKeyStore,
  osKeychainBackend,
  probeKeychain,
} from '../../src/main/keychain'
import type { SecretBackend } from '../../src/main/keychain'
import { AppError } from '../../src/shared/errors'

// A service name of its own per run, so the test never touches the real "Creator Desk" entries.
const TEST_SERVICE = `Creator Desk Test ${randomUUID()}`
const SECRET = `mdsh-${randomUUID()}`

const secretServiceReason = (() => {
  if (process.platform !== 'linux') return null
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'no D-Bus session; run through scripts/with-keyring.sh for a real Secret Service'
  }
  return probeKeychain(osKeychainBackend(TEST_SERVICE))
    ? null
    : 'the D-Bus session has no usable Secret Service; run through scripts/with-keyring.sh'
})()
if (secretServiceReason !== null) {
  console.warn(`[keychain.test] real-keychain tests skipped: ${secretServiceReason}`)
}

describe.skipIf(secretServiceReason !== null)('key store on the real OS keychain', () => {
  const backend = osKeychainBackend(TEST_SERVICE)
  afterAll(() => {
    for (const account of Object.values(KEY_ACCOUNTS)) backend.delete(account)
  })

  it('stores, reads back (also in a fresh store) and clears a key', () => {
    const store = openKeyStore({ backend: () => backend, env: {} })
    expect(store.keychain).toBe('available')
    expect(store.get('modash')).toBeNull()

    const status = store.set('modash', SECRET)
    expect(status.keys.modash).toEqual({ configured: true, from: 'keychain' })
    expect(store.get('modash')).toBe(SECRET)
    // It is really in the keychain under keytar's naming, not just in memory.
    expect(backend.get('modash-api-key')).toBe(SECRET)
    expect(openKeyStore({ backend: () => backend, env: {} }).get('modash')).toBe(SECRET)

    const cleared = store.clear('modash')
    expect(cleared.keys.modash).toEqual({ configured: false, from: null })
    expect(store.get('modash')).toBeNull()
    expect(backend.get('modash-api-key')).toBeNull()
  })

  it('reports status without ever containing a key', () => {
    const store = openKeyStore({ backend: () => backend, env: {} })
    store.set('clay', SECRET)
    store.set('clayRoutine', 'function:t_email')
    const status = store.status()
    expect(status).toEqual({
      keychain: 'available',
      keys: {
        modash: { configured: false, from: null },
        clay: { configured: true, from: 'keychain' },
        clayRoutine: { configured: true, from: 'keychain' },
      },
    })
    expect(JSON.stringify(status)).not.toContain(SECRET)
    expect(JSON.stringify(status)).not.toContain('t_email')
  })

  it('lets the environment override the keychain for one run', () => {
    const store = openKeyStore({ backend: () => backend, env: { CLAY_API_KEY: 'from-env' } })
    store.set('clay', SECRET)
    expect(store.get('clay')).toBe('from-env')
    expect(store.status().keys.clay).toEqual({ configured: true, from: 'environment' })
  })
})

/** What @napi-rs/keyring does when there is no Secret Service: its constructor throws. */
const missingKeychain = (): SecretBackend => {
  throw new Error('Platform failure: DBus error: org.freedesktop.DBus.Error.ServiceUnknown')
}

describe('key store without a usable keychain', () => {
  const env = { MODASH_API_KEY: 'env-modash', CLAY_API_KEY: ' env-clay ', CLAY_ROUTINE_ID: '' }

  it('says so plainly and serves keys from the environment for this run', () => {
    const store = openKeyStore({ backend: missingKeychain, env })
    expect(store.keychain).toBe('unavailable')
    expect(store.get('modash')).toBe('env-modash')
    expect(store.get('clay')).toBe('env-clay')
    expect(store.get('clayRoutine')).toBeNull()
    const status = store.status()
    expect(status).toEqual({
      keychain: 'unavailable',
      keys: {
        modash: { configured: true, from: 'environment' },
        clay: { configured: true, from: 'environment' },
        clayRoutine: { configured: false, from: null },
      },
    })
    expect(JSON.stringify(status)).not.toContain('env-modash')
  })

  it('refuses to store a key instead of keeping it somewhere weaker', () => {
    const store = openKeyStore({ backend: missingKeychain, env: {} })
    expect(() => store.set('modash', SECRET)).toThrow(AppError)
    expect(() => store.set('modash', SECRET)).toThrow(/No usable keychain/)
    expect(store.get('modash')).toBeNull()
  })

  it('treats a backend that fails on use (not on creation) as unavailable too', () => {
    const failing: SecretBackend = {
      get: () => {
        throw new Error('locked')
      },
      set: () => {},
      delete: () => false,
    }
    expect(openKeyStore({ backend: () => failing, env: {} }).keychain).toBe('unavailable')
  })

  it('on Linux, never falls back to the forgetful kernel keyring when D-Bus is unreachable', () => {
    if (process.platform !== 'linux') {
      console.warn('[keychain.test] D-Bus check skipped: Linux only')
      return
    }
    // A separate process, because the library keeps its D-Bus connection for the process's life.
    const script = `
      const { Entry } = require('@napi-rs/keyring')
      try {
        new Entry('Creator Desk Test', 'probe', { linux: { store: 'secret-service' } }).getPassword()
        console.log('available')
      } catch { console.log('unavailable') }
    `
    const result = spawnSync(process.execPath, ['-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/creator-desk-bus' },
      encoding: 'utf8',
    })
    expect(result.stdout.trim()).toBe('unavailable')
  })
})
