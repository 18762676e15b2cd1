import type { ClayApi } from '../../src/main/providers/clay/clay-api'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'

/**
 * Providers for benchmarks that must never reach one: any call is a bug in the benchmark (a
 * cache-only search that went to the network), so it fails loudly instead of being timed.
 */
function refuse(): Promise<never> {
  return Promise.reject(new Error('benchmark reached a provider it must not call'))
}

export const offlineModash: ModashApi = {
  search: refuse,
  report: refuse,
  users: refuse,
  dictionary: refuse,
  userInfo: refuse,
}

export const offlineClay: ClayApi = {
  me: refuse,
  startRun: refuse,
  waitForRun: refuse,
}
