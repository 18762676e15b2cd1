import type { Session } from 'electron'

/**
 * Writing to the clipboard ("copy email") is the one capability the app uses. Reading it, the
 * camera, notifications, geolocation and the rest are refused without a prompt.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission)
}

export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionAllowed(permission))
  })
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))
}
