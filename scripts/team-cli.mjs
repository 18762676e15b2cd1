#!/usr/bin/env node
// `npm run team:setup` and `npm run team:add-user -- <name>`: the team-mode admin commands
// (src/main/team/cli.ts). The code is TypeScript and shared with the app, so it is bundled
// first (`load-ts.mjs`).
// Usage: TEAM_DATABASE_URL=postgresql://… node scripts/team-cli.mjs setup|add-user [args]
import { loadTs } from './load-ts.mjs'

const { runTeamCli } = await loadTs('src/main/team/cli.ts')
process.exitCode = await runTeamCli(process.argv.slice(2), process.env, (line) => console.log(line))
