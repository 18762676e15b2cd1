import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { _electron } from 'playwright-core'
import type { ElectronApplication } from 'playwright-core'
import type * as Electron from 'electron'
import { CHANNEL_NAMES } from '../../src/shared/ipc-contract'
import { makeTempDir } from '../helpers/temp-dir'

const ROOT = resolve(__dirname, '../..')

/**
 * The Electron binary, found without `require('electron')`: that entry point tries to download
 * the binary when it is missing, and this test must not reach the network.
 */
function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function skipReason(): string | null {
  if (electronBinary() === null) {
    return 'the Electron binary is not installed (node_modules/electron/dist is missing)'
  }
  if (
    !existsSync(join(ROOT, 'out/main/index.js')) ||
    !existsSync(join(ROOT, 'out/preload/index.cjs'))
  ) {
    return 'the app is not built; run `npm run build` first'
  }
  if (!existsSync(join(ROOT, 'native/electron/better_sqlite3.node'))) {
    return 'no Electron build of better-sqlite3; run `npm run native:electron` first'
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display; run under xvfb-run'
  }
  return null
}

const reason = skipReason()
if (reason !== null) console.warn(`[electron-smoke] skipped: ${reason}`)

describe('Electron app smoke test', () => {
  const tmp = makeTempDir('creator-desk-e2e-')
  let app: ElectronApplication | null = null
  afterAll(async () => {
    await app?.close()
    tmp.cleanup()
  })

  it.skipIf(reason !== null)(
    'starts in sandbox mode with a locked-down window and a working window.api',
    async () => {
      const executablePath = electronBinary()
      if (executablePath === null) throw new Error('checked by skipReason')
      app = await _electron.launch({
        executablePath,
        args: [ROOT],
        env: { ...process.env, CREATOR_DATA_DIR: tmp.dir, SANDBOX: '1', ELECTRON_RENDERER_URL: '' },
      })
      const page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')

      // Page functions run in the renderer; `globalThis` there is the page's window.
      const surface = await page.evaluate(() => {
        const w = globalThis as unknown as Record<string, unknown>
        return {
          api: Object.keys(w.api ?? {}).sort(),
          require: typeof w.require,
          process: typeof w.process,
          ipcRenderer: typeof w.ipcRenderer,
        }
      })
      expect(surface).toEqual({
        api: [...CHANNEL_NAMES].sort(),
        require: 'undefined',
        process: 'undefined',
        ipcRenderer: 'undefined',
      })

      const info = await page.evaluate(async () => {
        const api = (
          globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }
        ).api
        return api['app:info']?.({})
      })
      expect(info).toMatchObject({ ok: true, data: { mode: 'sandbox' } })

      const popup = await page.evaluate(
        () =>
          (globalThis as unknown as { open(url: string): unknown }).open('https://x.test') === null,
      )
      expect(popup).toBe(true)

      const shell = await app.evaluate(({ BrowserWindow }: typeof Electron) => {
        const windows = BrowserWindow.getAllWindows()
        return { count: windows.length, url: windows[0]?.webContents.getURL() ?? '' }
      })
      expect(shell.count).toBe(1)
      expect(shell.url).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html/)
    },
    60_000,
  )
})
