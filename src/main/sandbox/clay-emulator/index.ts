export { startClayEmulator } from './server'
export type {
  ClayCallRecord,
  ClayEmulator,
  ClayEmulatorOptions,
  ClayFault,
  ClayRateLimit,
  ClayRoute,
  ClayRunFault,
  ClayRunItem,
  ClayRunRecord,
} from './types'
export type { ClayResultItem } from './results'
