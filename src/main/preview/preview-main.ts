import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { exportFolder } from '../app/export-folder'
import { modeDataDir, readLaunchMode, resolveAppMode } from '../app/app-mode'
import { startServices } from '../app/start-services'
import { upgradeLog } from '../db/migration-progress'
import { openKeyStore, osKeychainBackend } from '../keychain'
import { startPreviewServer } from './preview-server'
import { previewToken } from './preview-token'

export const DEFAULT_PREVIEW_PORT = 5180

export interface PreviewOverrides {
  /** In-process tests only: main's clock, so a report can age past its limit without waiting. */
  clock?: { now(): Date }
}

/**
 * `npm run preview:browser`: the main-process services in plain Node behind a loopback server,
 * configured only by the environment: CREATOR_DATA_DIR, SANDBOX=1, MODASH_API_BASE_URL,
 * CLAY_API_BASE_URL, MODASH_API_KEY, CLAY_API_KEY, CLAY_ROUTINE_ID, TEAM_DATABASE_URL and
 * TEAM_DATABASE_PASSWORD (team mode for the run), EXPORT_DIR (instead of the save dialog), PREVIEW_PORT (default 5180), PREVIEW_TOKEN (default random) and
 * PREVIEW_RENDERER_DIR (default out/renderer).
 */
export async function runPreview(
  env: Record<string, string | undefined> = process.env,
  overrides: PreviewOverrides = {},
) {
  // Checked before anything starts, so a malformed PREVIEW_TOKEN costs no emulator start-up.
  const token = previewToken(env.PREVIEW_TOKEN)
  const baseDataDir = resolve(env.CREATOR_DATA_DIR ?? join(homedir(), '.creator-desk-preview'))
  const mode = resolveAppMode(env, readLaunchMode(baseDataDir))
  const keys = openKeyStore({ backend: () => osKeychainBackend(), env, log: console.error })
  const services = await startServices({
    baseDataDir,
    mode,
    keys,
    env,
    secrets: () => osKeychainBackend(),
    // The preview's user can be pointed at a team database for the run (README, "Team mode").
    teamUrlFromEnv: true,
    // No save dialog in a browser: exports land in a folder the caller chose.
    choosePath: exportFolder(
      resolve(env.EXPORT_DIR ?? join(modeDataDir(baseDataDir, mode), 'exports')),
    ),
    version: env.npm_package_version ?? '0.0.0-preview',
    ...(overrides.clock === undefined ? {} : { clock: overrides.clock }),
    // The page is served once the database is open: a one-time upgrade shows in the terminal.
    onUpgradeProgress: upgradeLog((line) => console.error(`Updating the cache: ${line}`)),
  })
  const server = await startPreviewServer({
    handlers: services.handlers,
    rendererDir: resolve(env.PREVIEW_RENDERER_DIR ?? 'out/renderer'),
    port: parsePort(env.PREVIEW_PORT),
    token,
    onUnexpected: (err) => console.error(err),
  })
  return {
    url: server.url,
    pageUrl: server.pageUrl,
    token: server.token,
    services,
    close: async () => {
      await server.close()
      await services.close()
    },
  }
}

/**
 * The line that tells the user where the preview is. The address carries the token: whoever can
 * read this line (the user's terminal, or the script that started the preview) can use the
 * preview, and no other process on the machine can.
 */
export function readyLine(preview: { pageUrl: string; token: string }): string {
  return `Preview ready at ${preview.pageUrl} (x-preview-token: ${preview.token})`
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PREVIEW_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PREVIEW_PORT must be a port number, not "${value}"`)
  }
  return port
}
