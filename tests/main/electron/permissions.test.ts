import { describe, expect, it } from 'vitest'
import { denyPermissions } from '../../../src/main/electron/permissions'

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (ok: boolean) => void,
) => void
type CheckHandler = (contents: unknown, permission: string) => boolean

describe('permissions', () => {
  let request: RequestHandler | null = null
  let check: CheckHandler | null = null
  denyPermissions({
    setPermissionRequestHandler: (h: RequestHandler | null) => (request = h),
    setPermissionCheckHandler: (h: CheckHandler | null) => (check = h),
  } as never)

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'hid',
    'unknown',
  ])('denies a request for %s without asking the user', (permission) => {
    let granted: boolean | null = null
    request!(null, permission, (ok) => (granted = ok))
    expect(granted).toBe(false)
    expect(check!(null, permission)).toBe(false)
  })

  it('allows only writing to the clipboard (copy email)', () => {
    let granted: boolean | null = null
    request!(null, 'clipboard-sanitized-write', (ok) => (granted = ok))
    expect(granted).toBe(true)
    expect(check!(null, 'clipboard-sanitized-write')).toBe(true)
  })
})
