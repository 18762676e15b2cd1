import { afterEach, describe, expect, it } from 'vitest'
import { readLaunchMode } from '../../../src/main/app/app-mode'
import { createModeSwitch } from '../../../src/main/app/mode-switch'
import { makeTempDir } from '../../helpers/temp-dir'

const dirs: (() => void)[] = []
afterEach(() => dirs.splice(0).forEach((c) => c()))
function base(): string {
  const t = makeTempDir()
  dirs.push(t.cleanup)
  return t.dir
}

describe('app:set-mode', () => {
  it('remembers the new mode and restarts into it', async () => {
    const dir = base()
    let restarts = 0
    const switchMode = createModeSwitch({
      baseDataDir: dir,
      current: 'real',
      env: {},
      restart: () => restarts++,
    })
    expect(await switchMode('sandbox')).toEqual({
      mode: 'sandbox',
      restarting: true,
      message: 'Restarting…',
    })
    expect(readLaunchMode(dir)).toBe('sandbox')
    expect(restarts).toBe(1)
  })

  it('asks for a manual restart where the app cannot restart itself', async () => {
    const dir = base()
    const switchMode = createModeSwitch({ baseDataDir: dir, current: 'sandbox', env: {} })
    const answer = await switchMode('real')
    expect(answer).toMatchObject({ restarting: false })
    expect(answer.message).toMatch(
      /^Restart Creator Desk to switch to your own data: stop the browser preview \(Ctrl\+C/,
    )
    expect(answer.message).toContain('npm run preview:browser')
    expect(readLaunchMode(dir)).toBe('real')
  })

  it('does not restart into the mode it is already in', async () => {
    let restarts = 0
    const switchMode = createModeSwitch({
      baseDataDir: base(),
      current: 'real',
      env: {},
      restart: () => restarts++,
    })
    expect(await switchMode('real')).toMatchObject({ restarting: false })
    expect(restarts).toBe(0)
  })

  it('refuses while SANDBOX in the environment fixes the mode, and writes nothing', async () => {
    const dir = base()
    const switchMode = createModeSwitch({
      baseDataDir: dir,
      current: 'sandbox',
      env: { SANDBOX: '1' },
    })
    await expect(switchMode('real')).rejects.toMatchObject({ code: 'PRECONDITION' })
    expect(readLaunchMode(dir)).toBeNull()
  })
})
