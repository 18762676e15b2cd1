#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, leaving
// node_modules (Node's ABI, used by the tests and the preview) untouched. Electron loads this
// copy through src/main/native-binding.ts, so nothing is ever rebuilt back and forth.
//
// Only needed to run or package the real app. Needs network access to Electron's headers
// (https://electronjs.org/headers) and a C++ toolchain (python3, make, g++ / Xcode / MSVC).
//
//   node scripts/build-native-electron.mjs [--arch x64|arm64]
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))

const electronVersion = readJson(join(root, 'node_modules/electron/package.json')).version
const sqlitePackage = join(root, 'node_modules/better-sqlite3')
const sqliteVersion = readJson(join(sqlitePackage, 'package.json')).version
const archFlag = process.argv.indexOf('--arch')
const arch = archFlag >= 0 ? process.argv[archFlag + 1] : process.arch
const outDir = join(root, 'native/electron')

// A private copy: node-gyp writes build/ into the package, which would replace Node's addon.
const work = mkdtempSync(join(tmpdir(), 'creator-desk-native-'))
try {
  const copy = join(work, 'better-sqlite3')
  cpSync(sqlitePackage, copy, {
    recursive: true,
    filter: (src) =>
      src !== join(sqlitePackage, 'build') && !src.startsWith(join(sqlitePackage, 'build', '')),
  })
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${arch})…`)
  const gypArgs = [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
  ]
  // The project's own node-gyp (what `npx node-gyp` would pick in the project folder); the copy
  // lives in a temp folder where npx would not find it.
  const localGyp = join(root, 'node_modules/node-gyp/bin/node-gyp.js')
  if (existsSync(localGyp)) {
    execFileSync(process.execPath, [localGyp, ...gypArgs], { cwd: copy, stdio: 'inherit' })
  } else {
    execFileSync('npx', ['--yes', 'node-gyp', ...gypArgs], {
      cwd: copy,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    })
  }
  const built = join(copy, 'build/Release/better_sqlite3.node')
  if (!existsSync(built)) throw new Error(`node-gyp finished but ${built} is missing`)
  mkdirSync(outDir, { recursive: true })
  cpSync(built, join(outDir, 'better_sqlite3.node'))
  const info = {
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    platform: process.platform,
    arch,
  }
  writeFileSync(join(outDir, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`)
  console.log(`Wrote ${join(outDir, 'better_sqlite3.node')}`)
} catch (err) {
  process.exitCode = 1
  console.error(
    `\nCould not build the Electron copy of better-sqlite3 (${err instanceof Error ? err.message.split('\n')[0] : err}).\n` +
      'This step downloads Electron headers from https://electronjs.org/headers and compiles C++:\n' +
      'it needs network access and a toolchain (python3, make, a C++ compiler). It is only needed\n' +
      'to run or package the real app; tests and the browser preview use node_modules as installed.',
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
