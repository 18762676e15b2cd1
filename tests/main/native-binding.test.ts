import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveNativeBinding } from '../../src/main/native-binding'

const RESOURCES = '/opt/Creator Desk/resources'
const APP = '/home/me/creator-desk'
const packaged = join(RESOURCES, 'native', 'electron', 'better_sqlite3.node')
const dev = join(APP, 'native', 'electron', 'better_sqlite3.node')

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path)

describe('resolveNativeBinding', () => {
  it('uses the node_modules addon in plain Node, even when an Electron build exists', () => {
    expect(
      resolveNativeBinding({
        isElectron: false,
        resourcesPath: RESOURCES,
        appPath: APP,
        exists: only(packaged, dev),
      }),
    ).toBeUndefined()
  })

  it('uses the copy shipped in resources inside a packaged app', () => {
    expect(
      resolveNativeBinding({
        isElectron: true,
        resourcesPath: RESOURCES,
        appPath: join(RESOURCES, 'app.asar'),
        exists: only(packaged),
      }),
    ).toBe(packaged)
  })

  it('uses the project copy in development, where resources is Electron’s own folder', () => {
    expect(
      resolveNativeBinding({
        isElectron: true,
        resourcesPath: '/home/me/creator-desk/node_modules/electron/dist/resources',
        appPath: APP,
        exists: only(dev),
      }),
    ).toBe(dev)
  })

  it('prefers the packaged copy when both exist', () => {
    expect(
      resolveNativeBinding({
        isElectron: true,
        resourcesPath: RESOURCES,
        appPath: APP,
        exists: only(packaged, dev),
      }),
    ).toBe(packaged)
  })

  it('falls back to the default addon inside Electron when no Electron build exists', () => {
    expect(
      resolveNativeBinding({
        isElectron: true,
        resourcesPath: undefined,
        appPath: APP,
        exists: only(),
      }),
    ).toBeUndefined()
  })
})
