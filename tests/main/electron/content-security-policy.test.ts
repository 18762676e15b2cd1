import { describe, expect, it } from 'vitest'
import type { OnHeadersReceivedListenerDetails, HeadersReceivedResponse } from 'electron'
import {
  contentSecurityPolicy,
  installCsp,
} from '../../../src/main/electron/content-security-policy'

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )
}

describe('content security policy', () => {
  it('is strict in the app', () => {
    const csp = directives(contentSecurityPolicy())
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'connect-src': "'self'",
      'img-src': "'self' data:",
      'style-src': "'self'",
      'font-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    })
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval')
    expect(contentSecurityPolicy()).not.toContain('unsafe-inline')
  })

  it('relaxes only what the Vite dev server needs, and only for its own socket', () => {
    const csp = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }))
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline'")
    expect(csp.get('connect-src')).toBe("'self' ws://localhost:5173")
    expect(csp.get('object-src')).toBe("'none'")
    expect(csp.get('default-src')).toBe("'self'")
  })

  it('is sent with every response, replacing any policy the response had', () => {
    let listener:
      | ((
          details: OnHeadersReceivedListenerDetails,
          callback: (response: HeadersReceivedResponse) => void,
        ) => void)
      | null = null
    const session = {
      webRequest: {
        onHeadersReceived: (l: typeof listener) => {
          listener = l
        },
      },
    }
    installCsp(session as never, 'default-src ours')
    let answer: HeadersReceivedResponse | null = null
    listener!(
      {
        url: 'http://localhost:5173/',
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'Content-Type': ['text/html'],
        },
      } as unknown as OnHeadersReceivedListenerDetails,
      (response) => (answer = response),
    )
    expect(answer!.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ['default-src ours'],
    })
  })
})
