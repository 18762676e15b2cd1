import type { ClayRoutineSpec, ClayRunItem } from './types'

/**
 * The columns of the routine a bare routine id stands for: what a real author's "find work email"
 * routine looks like (Title Case names, the author's own words), not the app's field names.
 */
export const DEFAULT_ROUTINE_COLUMNS: Omit<ClayRoutineSpec, 'id'> = {
  requiredInputs: ['Handle', 'Platform'],
  optionalInputs: ['Full Name', 'Profile URL', 'Domain'],
  outputsMapped: true,
}

export function resolveRoutines(
  routines: ReadonlyArray<string | ClayRoutineSpec>,
): Map<string, ClayRoutineSpec> {
  const byId = new Map<string, ClayRoutineSpec>()
  for (const routine of routines) {
    const spec =
      typeof routine === 'string'
        ? { id: routine, ...structuredClone(DEFAULT_ROUTINE_COLUMNS) }
        : structuredClone(routine)
    if (spec.id === '') throw new RangeError('a routine needs an id')
    byId.set(spec.id, spec)
  }
  return byId
}

/**
 * The first required column some item leaves out, as Clay checks before it runs (or charges)
 * anything. A blank value counts as missing: the routine has nothing to work from.
 */
export function missingRequiredField(spec: ClayRoutineSpec, items: ClayRunItem[]): string | null {
  for (const item of items)
    for (const column of spec.requiredInputs) {
      const value = Object.prototype.hasOwnProperty.call(item.inputs, column)
        ? item.inputs[column]
        : undefined
      if (
        value === undefined ||
        value === null ||
        (typeof value === 'string' && value.trim() === '')
      )
        return column
    }
  return null
}
