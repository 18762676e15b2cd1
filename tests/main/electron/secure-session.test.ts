import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { secureSession } from '../../../src/main/electron/secure-session'
import { FakeContents } from '../../helpers/fake-electron'

describe('secure session', () => {
  it('installs the CSP, the permission handlers and guards on every new web contents', () => {
    const app = new EventEmitter()
    const installed: string[] = []
    const session = {
      webRequest: { onHeadersReceived: () => installed.push('csp') },
      setPermissionRequestHandler: () => installed.push('request'),
      setPermissionCheckHandler: () => installed.push('check'),
    }
    const opened: string[] = []
    const policy = secureSession({
      app: app as never,
      session: session as never,
      location: { kind: 'file', url: 'file:///app/out/renderer/index.html' },
      openExternal: (url) => {
        opened.push(url)
        return Promise.resolve()
      },
    })
    expect(installed.sort()).toEqual(['check', 'csp', 'request'])
    expect(policy).toContain("script-src 'self';")

    // A web contents nobody planned for (devtools, a future window) is guarded too.
    const stray = new FakeContents()
    app.emit('web-contents-created', {}, stray)
    expect(stray.fire('will-navigate', {}, 'https://evil.example/')).toBe(true)
    expect(stray.fire('will-attach-webview', {}, {}, {})).toBe(true)
    expect(opened).toEqual(['https://evil.example/'])
  })
})
