import type { App, Session } from 'electron'
import { contentSecurityPolicy, installCsp } from './content-security-policy'
import type { OpenExternal } from './external-links'
import { guardWebContents } from './navigation-guards'
import { denyPermissions } from './permissions'
import type { RendererLocation } from './renderer-location'

/**
 * Session-wide defences, installed before any page loads: the CSP header, no permissions, and
 * the navigation guards on every web contents that will ever exist (not only our window's).
 */
export function secureSession(options: {
  app: Pick<App, 'on'>
  session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
  location: RendererLocation
  openExternal: OpenExternal
}): string {
  const policy = contentSecurityPolicy(
    options.location.kind === 'dev' ? { devServerUrl: options.location.url } : {},
  )
  installCsp(options.session, policy)
  denyPermissions(options.session)
  options.app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, options.openExternal)
  })
  return policy
}
