import type { BrowserWindowConstructorOptions } from 'electron'
import { upgradeLine } from '../db/migration-progress'
import type { UpgradeProgress } from '../db/migration-progress'

/** An upgrade quicker than this shows no window at all (a new install migrates in milliseconds). */
export const SHOW_AFTER_MS = 400

/** The window as the upgrade progress uses it (a `BrowserWindow` in the app, a fake in tests). */
export interface ProgressWindow {
  /** Resolves once the page has loaded and can take updates. */
  ready: Promise<void>
  setLine(line: string): Promise<void>
  close(): void
}

/**
 * The upgrade's progress in a small window of its own: the main window opens only once the
 * services (and so the database) are ready, and a large cache takes seconds to upgrade. Nothing
 * shows when the upgrade is over within `SHOW_AFTER_MS`. Each report waits for its line to be
 * sent, so the line is on screen while the next statement holds the main thread.
 */
export function upgradeProgress(options: {
  open: () => ProgressWindow
  now?: () => number
  showAfterMs?: number
}) {
  const now = options.now ?? (() => Date.now())
  const showAfter = options.showAfterMs ?? SHOW_AFTER_MS
  let started: number | null = null
  let window: ProgressWindow | null = null
  let closed = false
  return {
    report: async (progress: UpgradeProgress): Promise<void> => {
      const at = now()
      started ??= at
      if (closed || at - started < showAfter) return
      if (window === null) {
        window = options.open()
        await window.ready
      }
      const line = upgradeLine(progress, at - started)
      await window.setLine(line.charAt(0).toUpperCase() + line.slice(1))
    },
    /** The upgrade is over (or failed): the window goes. */
    close: (): void => {
      closed = true
      window?.close()
      window = null
    },
  }
}

/** A small, plain window: no preload, no Node, sandboxed, nothing to navigate to. */
export function upgradeWindowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 460,
    height: 150,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    title: 'Creator Desk',
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  }
}

/**
 * The page: a heading, the line, and a bar that moves by CSS alone (the renderer animates it even
 * while the main thread is busy). The line is set by `setLine` as text, never as markup.
 */
export const UPGRADE_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>Creator Desk</title><style>
body{font:14px system-ui,sans-serif;margin:20px;color:#1f2328}
h1{font-size:15px;margin:0 0 8px}p{margin:0 0 12px;color:#57606a}
.bar{height:4px;background:#eaeef2;border-radius:2px;overflow:hidden}
.bar i{display:block;height:4px;width:30%;background:#0969da;animation:go 1.2s ease-in-out infinite}
@keyframes go{from{margin-left:-30%}to{margin-left:100%}}
</style></head><body><h1>Updating your cache for this version…</h1>
<p id="line" role="status" aria-live="polite">Starting</p><div class="bar"><i></i></div></body></html>`

/** The page as a URL the window can load. */
export function upgradePageUrl(): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(UPGRADE_PAGE)}`
}

/** The script that sets the line: the text travels as a JSON string, never as markup. */
export function setLineScript(line: string): string {
  return `document.getElementById('line').textContent = ${JSON.stringify(line)}`
}
