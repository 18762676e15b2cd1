export { startModashEmulator } from './server'
export { COST_PER_REPORT, COST_PER_RESULT } from './handlers'
export { roundFollowers } from './search-filter'
export { REPORT_ERROR_CODES } from './types'
export type {
  ModashCallRecord,
  ModashEmulator,
  ModashEmulatorOptions,
  ModashFault,
  ModashRateLimit,
  ModashRoute,
  ReportErrorCode,
} from './types'
