export { openKeyStore, KEY_ACCOUNTS, KEY_ENV_VARS, KEY_NAMES } from './key-store'
export type { KeyStore } from './key-store'
export { osKeychainBackend, probeKeychain, KEYCHAIN_SERVICE } from './secret-backend'
export type { SecretBackend } from './secret-backend'
