import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  LAUNCH_MODE_FILE,
  modeDataDir,
  readLaunchMode,
  resolveAppMode,
  writeLaunchMode,
} from '../../../src/main/app/app-mode'
import { makeTempDir } from '../../helpers/temp-dir'

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => (tmp = makeTempDir()))
afterEach(() => tmp.cleanup())

describe('app mode', () => {
  it('lets SANDBOX decide one run, then the remembered choice, then real', () => {
    expect(resolveAppMode({ SANDBOX: '1' }, 'real')).toBe('sandbox')
    expect(resolveAppMode({ SANDBOX: '0' }, 'sandbox')).toBe('real')
    expect(resolveAppMode({}, 'sandbox')).toBe('sandbox')
    expect(resolveAppMode({}, null)).toBe('real')
  })

  it('remembers "Try with sample data" beside the data, and ignores a tampered file', () => {
    expect(readLaunchMode(tmp.dir)).toBeNull()
    writeLaunchMode(tmp.dir, 'sandbox')
    expect(readLaunchMode(tmp.dir)).toBe('sandbox')
    writeFileSync(join(tmp.dir, LAUNCH_MODE_FILE), JSON.stringify({ mode: 'root' }))
    expect(readLaunchMode(tmp.dir)).toBeNull()
  })

  it('keeps sample data in its own folder', () => {
    expect(modeDataDir('/data', 'real')).toBe('/data')
    expect(modeDataDir('/data', 'sandbox')).toBe(join('/data', 'sandbox'))
  })
})
