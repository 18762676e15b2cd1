// Loads a TypeScript module of the app from a plain `node` script (Node 20 does not run
// TypeScript): bundled with rolldown into node_modules/.cache, so its bare imports (kysely,
// better-sqlite3, pg) resolve from the project's node_modules, required, then the bundle removed.
import { mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rolldown } from 'rolldown'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The exports of `entry` (a path under the project root). */
export async function loadTs(entry) {
  const cache = join(root, 'node_modules', '.cache', 'creator-desk')
  const bundled = join(cache, `${basename(entry, '.ts')}-${process.pid}.cjs`)
  mkdirSync(cache, { recursive: true })
  const bundle = await rolldown({
    input: join(root, entry),
    platform: 'node',
    external: (id) => !id.startsWith('.') && !isAbsolute(id),
    logLevel: 'silent',
  })
  try {
    await bundle.write({ file: bundled, format: 'cjs' })
  } finally {
    await bundle.close()
  }
  try {
    return createRequire(import.meta.url)(bundled)
  } finally {
    rmSync(bundled, { force: true })
  }
}
