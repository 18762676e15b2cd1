import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', 'fixtures', 'modash')

/** The raw text of a fixture under `tests/fixtures/modash`, sent over the wire unchanged. */
export function fixtureText(name: string): string {
  return readFileSync(join(ROOT, `${name}.json`), 'utf8')
}

/** A fixture parsed as the client will parse it (`1e999` becomes Infinity, as on the wire). */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T
}

/** An error fixture: the status Modash answers with and its error envelope. */
export interface ErrorFixture {
  status: number
  body: { error: true; code: string; message: string }
}
