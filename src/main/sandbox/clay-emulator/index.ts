export { startClayEmulator } from './server'
export type {
  ClayCallRecord,
  ClayEmulator,
  ClayEmulatorOptions,
  ClayFault,
  ClayRateLimit,
  ClayRoute,
  ClayRoutineSpec,
  ClayRunFault,
  ClayRunItem,
  ClayRunRecord,
} from './types'
export type { ClayResultItem } from './results'
export { PERSON_COLUMN, WORK_EMAIL_COLUMN } from './results'
export { DEFAULT_ROUTINE_COLUMNS } from './routines'
