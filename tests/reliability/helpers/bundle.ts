import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, isAbsolute, join } from 'node:path'
import { rolldown } from 'rolldown'

/**
 * Bundles a TypeScript entry into one CommonJS file a plain `node` can run (Node 20 does not run
 * TypeScript). Packages stay external: run the file with `NODE_PATH` set to `NODE_MODULES` so
 * they, and better-sqlite3's native addon, load from the project's node_modules.
 */
export async function bundleForNode(entry: string): Promise<{ file: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'creator-desk-bundle-'))
  const file = join(dir, `${basename(entry, '.ts')}.cjs`)
  const bundle = await rolldown({
    input: entry,
    platform: 'node',
    external: (id) => !id.startsWith('.') && !isAbsolute(id),
    logLevel: 'silent',
  })
  try {
    await bundle.write({ file, format: 'cjs' })
  } finally {
    await bundle.close()
  }
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export const NODE_MODULES = join(process.cwd(), 'node_modules')
