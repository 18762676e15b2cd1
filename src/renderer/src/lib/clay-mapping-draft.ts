import type { ClayAppInput, ClayMapping } from '../../../shared/domain'
import { CLAY_APP_INPUTS } from '../../../shared/domain'
import type { SettingsPatch } from '../../../shared/ipc-contract'

/** The Settings → Clay form as typed: a blank field means "not sent" / "not chosen". */
export type ClayMappingDraft = Record<ClayAppInput, string> & { emailPath: string }

export const APP_INPUT_FIELDS: Record<ClayAppInput, { label: string; hint: string }> = {
  fullName: { label: 'Full name goes to column', hint: 'e.g. Full Name' },
  handle: { label: 'Handle goes to column', hint: 'e.g. Handle or Instagram Handle' },
  profileUrl: { label: 'Profile URL goes to column', hint: 'e.g. Profile URL' },
  platform: { label: 'Platform goes to column', hint: 'e.g. Platform' },
  companyDomain: {
    label: 'Company domain (when known) goes to column',
    hint: 'e.g. Domain; sent only when the report lists a website',
  },
}

const MAX_COLUMN = 120
const MAX_PATH = 200
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

export function toClayDraft(mapping: ClayMapping): ClayMappingDraft {
  const draft = { emailPath: mapping.emailPath ?? '' } as ClayMappingDraft
  for (const input of CLAY_APP_INPUTS) draft[input] = mapping.inputs[input] ?? ''
  return draft
}

/** The settings patch for the draft, or what is wrong with it in plain words. */
export function clayDraftPatch(draft: ClayMappingDraft): SettingsPatch | string {
  const inputs = {} as Record<ClayAppInput, string | null>
  for (const input of CLAY_APP_INPUTS) {
    const column = draft[input].trim()
    if (column.length > MAX_COLUMN) return `Column names are at most ${MAX_COLUMN} characters.`
    if (CONTROL.test(column)) return 'Column names cannot contain control characters.'
    inputs[input] = column === '' ? null : column
  }
  const path = draft.emailPath.trim()
  if (path.length > MAX_PATH) return `The email column path is at most ${MAX_PATH} characters.`
  if (CONTROL.test(path)) return 'The email column path cannot contain control characters.'
  if (path !== '' && path.split('.').some((part) => part.trim() === ''))
    return 'Write a field inside a column as "Column.field", with no empty part.'
  return { clayMapping: { inputs, emailPath: path === '' ? null : path } }
}
