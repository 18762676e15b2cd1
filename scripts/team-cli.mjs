#!/usr/bin/env node
// `npm run team:setup` and `npm run team:add-user -- <name>`: the team-mode admin commands
// (src/main/team/cli.ts). The code is TypeScript and shared with the app, so it is bundled
// first (rolldown, dependencies left to node_modules), as scripts/make-db-fixture.mjs does.
// Usage: TEAM_DATABASE_URL=postgresql://… node scripts/team-cli.mjs setup|add-user [args]
import { mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rolldown } from 'rolldown'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// Inside node_modules, so the bundle's bare imports (pg, kysely) resolve.
const cache = join(root, 'node_modules', '.cache', 'creator-desk')
const bundled = join(cache, `team-cli-${process.pid}.cjs`)

mkdirSync(cache, { recursive: true })
const bundle = await rolldown({
  input: join(root, 'src', 'main', 'team', 'cli.ts'),
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
  const { runTeamCli } = createRequire(import.meta.url)(bundled)
  process.exitCode = await runTeamCli(process.argv.slice(2), process.env, (line) =>
    console.log(line),
  )
} finally {
  rmSync(bundled, { force: true })
}
