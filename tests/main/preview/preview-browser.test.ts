import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { runPreview } from '../../../src/main/preview/preview-main'
import { makeTempDir } from '../../helpers/temp-dir'

const ROOT = resolve(__dirname, '../../..')
const RENDERER = join(ROOT, 'out/renderer')
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((p): p is string => typeof p === 'string' && p !== '')
  .find((p) => existsSync(p))

const reason = !existsSync(join(RENDERER, 'index.html'))
  ? 'the renderer is not built; run `npx electron-vite build` first'
  : CHROMIUM === undefined
    ? 'no Chromium found (set CHROMIUM_PATH)'
    : null
if (reason !== null) console.warn(`[preview-browser] skipped: ${reason}`)

describe('browser preview in a real browser', () => {
  const tmp = makeTempDir()
  let browser: Browser | null = null
  let preview: Awaited<ReturnType<typeof runPreview>> | null = null
  afterAll(async () => {
    await browser?.close()
    await preview?.close()
    tmp.cleanup()
  })

  it.skipIf(reason !== null)(
    'runs the built renderer under the CSP with window.api bridged to main',
    async () => {
      preview = await runPreview({
        SANDBOX: '1',
        CREATOR_DATA_DIR: tmp.dir,
        PREVIEW_PORT: '0',
        PREVIEW_RENDERER_DIR: RENDERER,
      })
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
      const page = await browser.newPage()
      const problems: string[] = []
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`)
      })
      await page.goto(preview.pageUrl)
      await page.waitForLoadState('networkidle')

      const info = await page.evaluate(() => {
        const api = (
          globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }
        ).api
        return api['app:info']?.({})
      })
      expect(info).toMatchObject({ ok: true, data: { mode: 'sandbox' } })
      // The page itself must have no way around the bridge: connect-src is 'self'.
      const outside = await page.evaluate(() =>
        fetch('https://example.com/').then(
          () => 'reached',
          () => 'blocked',
        ),
      )
      expect(outside).toBe('blocked')
      expect(problems.filter((p) => !p.includes('example.com'))).toEqual([])
    },
    60_000,
  )
})
