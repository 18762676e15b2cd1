import { describe, expect, it } from 'vitest'
import {
  SANDBOX_CLAY_MAPPING,
  UNMAPPED_CLAY_MAPPING,
  appInputValues,
  defaultClayMapping,
  inputForColumn,
  mappingProblem,
  routineInputs,
} from '../../../src/main/services/clay-mapping'
import { keyPaths, readEmail } from '../../../src/main/services/clay-result'
import { companyDomain } from '../../../src/main/services/company-domain'
import type { CreatorRow } from '../../../src/main/services/creator-repository'
import { settingsPatchSchema } from '../../../src/shared/ipc-contract'
import type { ClayMapping } from '../../../src/shared/domain'

/** A routine's result as a real author's routine answers: Title Case, one nested object. */
const RESULT = {
  'Work Email': 'jane@janedoe.co',
  'Enrich person': {
    email: 'jane.doe@janedoe.co',
    full_name: 'Jane Doe',
    linkedin_url: null,
    Employer: { Domain: 'janedoe.co' },
  },
  Score: 0.92,
  Tags: ['beauty', 'skin'],
}

const mapping = (over: Partial<ClayMapping> = {}): ClayMapping => ({
  ...structuredClone(SANDBOX_CLAY_MAPPING),
  ...over,
})

function row(over: Partial<CreatorRow> = {}): CreatorRow {
  return {
    id: 7,
    platform: 'instagram',
    provider_id: 'u7',
    handle: 'janedoe.skin',
    full_name: 'Jane Doe',
    profile_url: 'https://www.instagram.com/janedoe.skin/',
    detailed_profile_json: null,
    ...over,
  } as CreatorRow
}

describe('reading the email at the mapped path', () => {
  it('reads a top-level column and a nested field by its dotted path', () => {
    expect(readEmail(RESULT, 'Work Email')).toEqual({ kind: 'found', email: 'jane@janedoe.co' })
    expect(readEmail(RESULT, 'Enrich person.email')).toEqual({
      kind: 'found',
      email: 'jane.doe@janedoe.co',
    })
    expect(readEmail({ 'Work Email': '  pad@x.io ' }, 'Work Email')).toEqual({
      kind: 'found',
      email: 'pad@x.io',
    })
  })

  it('reads a column whose own name contains dots', () => {
    const result = { 'Enrich v2.0': { email: 'a@b.co' }, 'Work.Email': 'c@d.co' }
    expect(readEmail(result, 'Enrich v2.0.email')).toEqual({ kind: 'found', email: 'a@b.co' })
    expect(readEmail(result, 'Work.Email')).toEqual({ kind: 'found', email: 'c@d.co' })
  })

  it('answers result {} as a set-up error, never as "not found"', () => {
    const reading = readEmail({}, 'Work Email')
    expect(reading).toMatchObject({ kind: 'setup', code: 'no_output_columns' })
    expect(reading.kind === 'setup' && reading.message).toMatch(
      /returned no columns: map an output column in Clay/,
    )
  })

  it('answers a column that is not in the result as a set-up error listing the columns there', () => {
    const reading = readEmail(RESULT, 'Email')
    expect(reading).toMatchObject({ kind: 'setup', code: 'email_column_missing' })
    const message = reading.kind === 'setup' ? reading.message : ''
    for (const column of ['Work Email', 'Enrich person', 'Score', 'Tags'])
      expect(message).toContain(`"${column}"`)
    expect(message).toContain('Settings → Clay')
  })

  it('answers a field missing from a filled nested column as a set-up error naming its fields', () => {
    const reading = readEmail(RESULT, 'Enrich person.mail')
    expect(reading).toMatchObject({ kind: 'setup', code: 'email_column_missing' })
    expect(reading.kind === 'setup' && reading.message).toMatch(
      /"Enrich person" has no "mail". It has: "email", "full_name", "linkedin_url", "Employer"/,
    )
  })

  it('answers a path that stops at several fields as a set-up error offering them', () => {
    const reading = readEmail(RESULT, 'Enrich person')
    expect(reading).toMatchObject({ kind: 'setup', code: 'email_path_not_a_value' })
    expect(reading.kind === 'setup' && reading.message).toContain('"Enrich person.email"')
  })

  it('answers no chosen path as a set-up error listing what the routine returned', () => {
    const reading = readEmail(RESULT, null)
    expect(reading).toMatchObject({ kind: 'setup', code: 'email_column_not_chosen' })
    expect(reading.kind === 'setup' && reading.message).toContain('"Enrich person.email"')
  })

  it('answers a present column with no value as a genuine "not found"', () => {
    for (const value of [null, '', '   '])
      expect(readEmail({ 'Work Email': value }, 'Work Email')).toEqual({ kind: 'not_found' })
    expect(readEmail({ 'Enrich person': null }, 'Enrich person.email')).toEqual({
      kind: 'not_found',
    })
    expect(readEmail({ 'Enrich person': {} }, 'Enrich person.email')).toEqual({
      kind: 'not_found',
    })
    expect(readEmail({ 'Enrich person': { email: null } }, 'Enrich person.email')).toEqual({
      kind: 'not_found',
    })
  })

  it('answers something that is not an email address as malformed, never stored', () => {
    expect(readEmail(RESULT, 'Enrich person.full_name')).toMatchObject({ kind: 'malformed' })
    expect(readEmail({ 'Work Email': 'not an email' }, 'Work Email')).toMatchObject({
      kind: 'malformed',
    })
    expect(readEmail(RESULT, 'Score')).toMatchObject({ kind: 'malformed' })
    expect(readEmail(RESULT, 'Tags')).toMatchObject({ kind: 'malformed' })
    expect(readEmail(RESULT, 'Score.value')).toMatchObject({
      kind: 'setup',
      code: 'email_column_missing',
    })
  })

  it('never follows a path through an inherited property', () => {
    expect(readEmail({ 'Work Email': 'a@b.co' }, 'constructor.name')).toMatchObject({
      kind: 'setup',
      code: 'email_column_missing',
    })
  })
})

describe('listing the result keys for a test run', () => {
  it('flattens nested columns with dots, keeping lists and empty objects whole', () => {
    expect(keyPaths({ ...RESULT, Empty: {}, Nothing: null })).toEqual([
      'Work Email',
      'Enrich person.email',
      'Enrich person.full_name',
      'Enrich person.linkedin_url',
      'Enrich person.Employer.Domain',
      'Score',
      'Tags',
      'Empty',
      'Nothing',
    ])
    expect(keyPaths({})).toEqual([])
  })

  it('stays bounded for a huge or deep result', () => {
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`c${i}`, i]))
    expect(keyPaths(wide)).toHaveLength(200)
    let deep: Record<string, unknown> = { leaf: 1 }
    for (let i = 0; i < 20; i += 1) deep = { inner: deep }
    const [path] = keyPaths(deep)
    expect(path?.split('.').length).toBeLessThanOrEqual(6)
  })
})

describe('building the inputs from a creator', () => {
  it('puts each known value under the column the user named', () => {
    const report = { contacts: [{ type: 'website', value: 'https://www.janedoe.co/shop' }] }
    const values = appInputValues(row({ detailed_profile_json: JSON.stringify(report) }))
    expect(values).toEqual({
      fullName: 'Jane Doe',
      handle: 'janedoe.skin',
      profileUrl: 'https://www.instagram.com/janedoe.skin/',
      platform: 'instagram',
      companyDomain: 'janedoe.co',
    })
    const custom = mapping({
      inputs: {
        fullName: 'Name',
        handle: 'Instagram Handle',
        profileUrl: null,
        platform: null,
        companyDomain: 'Company Domain',
      },
    })
    expect(routineInputs(custom, values)).toEqual({
      Name: 'Jane Doe',
      'Instagram Handle': 'janedoe.skin',
      'Company Domain': 'janedoe.co',
    })
  })

  it('leaves out what the app does not know instead of sending it blank', () => {
    const values = appInputValues(row({ full_name: '  ', profile_url: null }))
    expect(values.companyDomain).toBeNull()
    expect(routineInputs(SANDBOX_CLAY_MAPPING, values)).toEqual({
      Handle: 'janedoe.skin',
      Platform: 'instagram',
    })
  })

  it('keeps a column named like an object property as a plain column', () => {
    const odd = mapping({
      inputs: { ...SANDBOX_CLAY_MAPPING.inputs, handle: '__proto__' },
    })
    const inputs = routineInputs(odd, appInputValues(row()))
    expect(Object.prototype.hasOwnProperty.call(inputs, '__proto__')).toBe(true)
    expect(JSON.parse(JSON.stringify(inputs))).toMatchObject({ ['__proto__']: 'janedoe.skin' })
  })

  it('tells which app value a column takes', () => {
    expect(inputForColumn(SANDBOX_CLAY_MAPPING, 'Domain')).toBe('companyDomain')
    expect(inputForColumn(SANDBOX_CLAY_MAPPING, 'domain')).toBeNull()
  })
})

describe('the company domain from the stored report', () => {
  it('takes a website or link contact, or the domain of an email-like contact', () => {
    expect(companyDomain({ contacts: [{ type: 'website', value: 'janedoe.co' }] })).toBe(
      'janedoe.co',
    )
    expect(
      companyDomain({ contacts: [{ type: 'link', value: 'http://WWW.Shop.Jane.io/a' }] }),
    ).toBe('shop.jane.io')
    expect(companyDomain({ contacts: [{ type: 'other', value: 'press@janedoe.co' }] })).toBe(
      'janedoe.co',
    )
  })

  it('skips platforms, link hubs, free mail and junk; null when nothing is left', () => {
    const contacts = [
      { type: 'youtube', value: 'https://www.youtube.com/@jane' },
      { type: 'website', value: 'https://linktr.ee/jane' },
      { type: 'website', value: 'https://m.youtube.com/jane' },
      { type: 'email', value: 'jane@gmail.com' },
      { type: 'website', value: 'not a url at all' },
      { type: 'instagram', value: '@jane' },
      { type: 'website', value: 42 },
    ]
    expect(companyDomain({ contacts })).toBeNull()
    expect(
      companyDomain({ contacts: [...contacts, { type: 'website', value: 'https://jane.studio' }] }),
    ).toBe('jane.studio')
    expect(companyDomain(null)).toBeNull()
    expect(companyDomain({ contacts: 'none' })).toBeNull()
  })
})

describe('the default mapping and its set-up check', () => {
  it('maps the sample routine in sandbox mode, and nothing in real mode', () => {
    expect(defaultClayMapping(true)).toEqual(SANDBOX_CLAY_MAPPING)
    expect(defaultClayMapping(false)).toEqual(UNMAPPED_CLAY_MAPPING)
    expect(mappingProblem(defaultClayMapping(true))).toBeNull()
    expect(mappingProblem(defaultClayMapping(false))).toMatch(/Settings → Clay/)
    expect(mappingProblem(mapping({ emailPath: null }))).toMatch(/result column that holds/)
  })
})

describe('the settings patch for the mapping', () => {
  const patch = (clayMapping: unknown) => settingsPatchSchema.safeParse({ clayMapping })

  it('accepts column names and a nested path, and null to unmap', () => {
    expect(
      patch({ inputs: { handle: 'Instagram Handle', fullName: null }, emailPath: 'A.b' }).success,
    ).toBe(true)
    expect(patch({ emailPath: null }).success).toBe(true)
  })

  it('refuses empty, oversized, control-character and unknown entries', () => {
    for (const bad of [
      { inputs: { handle: '' } },
      { inputs: { handle: '   ' } },
      { inputs: { handle: 'x'.repeat(121) } },
      { inputs: { handle: 'Hand\u0000le' } },
      { inputs: { email: 'Email' } },
      { emailPath: 'x'.repeat(201) },
      { emailPath: 'Enrich person..email' },
      { emailPath: '.email' },
      { emailPath: 7 },
      { other: 1 },
    ])
      expect(patch(bad).success, JSON.stringify(bad)).toBe(false)
  })
})
