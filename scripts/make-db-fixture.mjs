#!/usr/bin/env node
// Regenerates tests/fixtures/db/schema-001.sqlite, the database of the first released schema
// that the data-lifecycle test migrates. The writer is TypeScript and imports the app's own
// migration, so it is bundled first (rolldown, dependencies left to node_modules).
// Usage: node scripts/make-db-fixture.mjs
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rolldown } from 'rolldown'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(root, 'tests', 'fixtures', 'db', 'schema-001.sqlite')
// Inside node_modules, so the bundle's bare imports (better-sqlite3, kysely) resolve.
const cache = join(root, 'node_modules', '.cache', 'creator-desk')
const bundled = join(cache, `make-db-fixture-${process.pid}.cjs`)

mkdirSync(cache, { recursive: true })
const bundle = await rolldown({
  input: join(root, 'tests', 'reliability', 'helpers', 'fixture-schema-001.ts'),
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
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
  const { writeSchema001 } = createRequire(import.meta.url)(bundled)
  await writeSchema001(target)
} finally {
  rmSync(bundled, { force: true })
}
if (existsSync(`${target}-wal`)) throw new Error('the fixture was left with a write-ahead log')
console.log(`Wrote ${target} (${statSync(target).size} bytes)`)
