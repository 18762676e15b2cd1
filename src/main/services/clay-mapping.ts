import type { ClayAppInput, ClayMapping } from '../../shared/domain'
import { CLAY_APP_INPUTS } from '../../shared/domain'
import type { ClayRunInputs } from '../providers/clay/clay-api'
import { companyDomain } from './company-domain'
import type { CreatorRow } from './creator-repository'

/**
 * Which app value goes in which of the routine's input columns, and where its result keeps the
 * email. A real routine's columns are its author's words ("Handle", "Work Email", an "Enrich
 * person" object), so nothing here guesses them: the user maps them in Settings → Clay.
 */

/** Nothing mapped: what a real account starts with, so no lookup is paid for before set-up. */
export const UNMAPPED_CLAY_MAPPING: ClayMapping = {
  inputs: { fullName: null, handle: null, profileUrl: null, platform: null, companyDomain: null },
  emailPath: null,
}

/**
 * The sample routine's columns (the Clay emulator's default routine, `DEFAULT_ROUTINE_COLUMNS`),
 * so sample mode works out of the box; the flow tests run this mapping against that routine.
 */
export const SANDBOX_CLAY_MAPPING: ClayMapping = {
  inputs: {
    fullName: 'Full Name',
    handle: 'Handle',
    profileUrl: 'Profile URL',
    platform: 'Platform',
    companyDomain: 'Domain',
  },
  emailPath: 'Work Email',
}

export function defaultClayMapping(sandbox: boolean): ClayMapping {
  return structuredClone(sandbox ? SANDBOX_CLAY_MAPPING : UNMAPPED_CLAY_MAPPING)
}

/** The labels the set-up screen and the messages use for each app value. */
export const APP_INPUT_LABELS: Record<ClayAppInput, string> = {
  fullName: 'full name',
  handle: 'handle',
  profileUrl: 'profile URL',
  platform: 'platform',
  companyDomain: 'company domain',
}

export function hasMappedInput(mapping: ClayMapping): boolean {
  return CLAY_APP_INPUTS.some((input) => mapping.inputs[input] !== null)
}

/**
 * Why a lookup cannot be made with this mapping, in plain words, or null when it can. Checked
 * before anything is reserved, so an unset mapping never costs a lookup.
 */
export function mappingProblem(mapping: ClayMapping): string | null {
  if (!hasMappedInput(mapping))
    return "Clay is not set up yet: in Settings → Clay, name the routine columns that receive the creator's details."
  if (mapping.emailPath === null)
    return 'Clay is not set up yet: in Settings → Clay, choose the result column that holds the email (a test run lists them).'
  return null
}

/** What the app knows of a creator for each input; null when it does not know it. */
export function appInputValues(row: CreatorRow): Record<ClayAppInput, string | null> {
  const report = parseReport(row.detailed_profile_json)
  return {
    fullName: nonBlank(row.full_name),
    handle: nonBlank(row.handle),
    profileUrl: nonBlank(row.profile_url),
    platform: nonBlank(row.platform),
    companyDomain: companyDomain(report),
  }
}

/**
 * The run's inputs: each known value under the column the user named for it. A value the app
 * does not have is left out rather than sent blank (Clay then names the column if it needs it).
 */
export function routineInputs(
  mapping: ClayMapping,
  values: Record<ClayAppInput, string | null>,
): ClayRunInputs {
  const entries: [string, string][] = []
  for (const input of CLAY_APP_INPUTS) {
    const column = mapping.inputs[input]
    const value = values[input]
    if (column !== null && value !== null) entries.push([column, value])
  }
  // fromEntries defines own properties: a column typed as "__proto__" is still just a column.
  return Object.fromEntries(entries)
}

/** The app value the user mapped to `column`, if any: to say which detail a creator lacks. */
export function inputForColumn(mapping: ClayMapping, column: string): ClayAppInput | null {
  return CLAY_APP_INPUTS.find((input) => mapping.inputs[input] === column) ?? null
}

function parseReport(json: string | null): unknown {
  if (json === null) return null
  try {
    return JSON.parse(json) as unknown
  } catch {
    return null
  }
}

function nonBlank(value: string | null): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}
