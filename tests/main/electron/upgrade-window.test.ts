import { describe, expect, it } from 'vitest'
import {
  SHOW_AFTER_MS,
  setLineScript,
  upgradePageUrl,
  upgradeProgress,
  upgradeWindowOptions,
} from '../../../src/main/electron/upgrade-window'
import type { ProgressWindow } from '../../../src/main/electron/upgrade-window'

function fakeWindow() {
  const lines: string[] = []
  let closed = false
  let opened = 0
  const open = (): ProgressWindow => {
    opened += 1
    return {
      ready: Promise.resolve(),
      setLine: (line) => {
        lines.push(line)
        return Promise.resolve()
      },
      close: () => {
        closed = true
      },
    }
  }
  return { open, lines, closed: () => closed, opened: () => opened }
}

const step = (statements: number) => ({
  step: 1,
  steps: 3,
  migration: '002-search-indexes',
  statements,
})

describe('upgrade progress window', () => {
  it('shows nothing for an upgrade over quickly', async () => {
    let now = 0
    const w = fakeWindow()
    const progress = upgradeProgress({ open: w.open, now: () => now })
    await progress.report(step(0))
    now = SHOW_AFTER_MS - 1
    await progress.report(step(1))
    progress.close()
    expect(w.opened()).toBe(0)
  })

  it('opens one window for a long upgrade, shows each step in it, and closes it at the end', async () => {
    let now = 0
    const w = fakeWindow()
    const progress = upgradeProgress({ open: w.open, now: () => now })
    await progress.report(step(0))
    now = 1500
    await progress.report(step(3))
    now = 2600
    await progress.report(step(4))
    expect(w.opened()).toBe(1)
    expect(w.lines).toEqual([
      'Step 1 of 3: search indexes (3 done, 1 s)',
      'Step 1 of 3: search indexes (4 done, 2 s)',
    ])
    progress.close()
    expect(w.closed()).toBe(true)
    now = 4000
    await progress.report(step(5))
    expect(w.opened()).toBe(1)
  })

  it('is a plain sandboxed window whose line is set as text, never as markup', () => {
    const options = upgradeWindowOptions()
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    expect(options.webPreferences?.preload).toBeUndefined()
    expect(upgradePageUrl().startsWith('data:text/html;charset=utf-8,')).toBe(true)
    expect(setLineScript('</p><script>x</script> "quoted"')).toBe(
      `document.getElementById('line').textContent = "</p><script>x</script> \\"quoted\\""`,
    )
  })
})
