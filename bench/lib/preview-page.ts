import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { runPreview } from '../../src/main/preview/preview-main'
import { BROWSER_ARGS, CHROMIUM_PATH, CONTEXT_OPTIONS } from '../../tests/e2e/fixtures/chromium'
import { AppShell } from '../../tests/e2e/pages/app-shell'
import { RENDERER_DIR } from './app-build'
import { tempDir } from './temp'

/** Debian's Chromium, found as the e2e tests find it; undefined when there is none. */
export const chromiumPath = (): string | undefined => CHROMIUM_PATH

/**
 * The browser preview in Chromium, started as the e2e fixture (`tests/e2e/fixtures/app.ts`)
 * starts it, with the same browser, flags and context (`tests/e2e/fixtures/chromium.ts`): the
 * preview's services in this process, in sandbox mode on a free port, over a fresh data folder
 * and the built renderer (`out/renderer`); Debian's Chromium driven by playwright-core.
 *
 * Runs `work` on a page of the preview once the app is ready, then closes the page, Chromium and
 * the preview, and removes the data folder, whatever happened. Errors the page threw are
 * returned beside the work's result: they make the figures suspect, not impossible.
 */
export async function withPreviewPage<T>(
  executablePath: string,
  work: (page: Page) => Promise<T>,
): Promise<{ value: T; pageErrors: string[] }> {
  const tmp = tempDir('preview')
  let preview: Awaited<ReturnType<typeof runPreview>> | null = null
  let browser: Browser | null = null
  let context: BrowserContext | null = null
  try {
    preview = await runPreview({
      SANDBOX: '1',
      CREATOR_DATA_DIR: join(tmp.dir, 'data'),
      EXPORT_DIR: join(tmp.dir, 'exports'),
      PREVIEW_PORT: '0',
      PREVIEW_RENDERER_DIR: RENDERER_DIR,
    })
    browser = await chromium.launch({ executablePath, args: BROWSER_ARGS })
    context = await browser.newContext({ ...CONTEXT_OPTIONS, colorScheme: 'light' })
    context.setDefaultTimeout(30_000)
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(err.message))
    // The printed address, token included: the page is refused without it.
    await page.goto(preview.pageUrl)
    await new AppShell(page).waitUntilReady()
    return { value: await work(page), pageErrors }
  } finally {
    await context?.close().catch(() => undefined)
    await browser?.close().catch(() => undefined)
    await preview?.close().catch(() => undefined)
    tmp.remove()
  }
}
