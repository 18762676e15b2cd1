#!/usr/bin/env node
// Regenerates tests/fixtures/db/schema-001.sqlite, the database of the first released schema
// that the data-lifecycle test migrates. The writer is TypeScript and imports the app's own
// migration, so it is bundled first (`load-ts.mjs`).
// Usage: node scripts/make-db-fixture.mjs
import { existsSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { loadTs, root } from './load-ts.mjs'

const target = join(root, 'tests', 'fixtures', 'db', 'schema-001.sqlite')
const { writeSchema001 } = await loadTs('tests/reliability/helpers/fixture-schema-001.ts')
for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
await writeSchema001(target)
if (existsSync(`${target}-wal`)) throw new Error('the fixture was left with a write-ahead log')
console.log(`Wrote ${target} (${statSync(target).size} bytes)`)
