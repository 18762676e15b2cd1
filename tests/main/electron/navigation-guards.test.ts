import { describe, expect, it } from 'vitest'
import { openExternalLink, safeExternalUrl } from '../../../src/main/electron/external-links'
import { guardWebContents } from '../../../src/main/electron/navigation-guards'
import { FakeContents, openDetails } from '../../helpers/fake-electron'

function guarded() {
  const opened: string[] = []
  const contents = new FakeContents()
  guardWebContents(contents.asWebContents(), (url) => {
    opened.push(url)
    return Promise.resolve()
  })
  return { contents, opened }
}

describe('navigation guards', () => {
  it('denies every window.open, sending web links to the system browser', () => {
    const { contents, opened } = guarded()
    expect(contents.windowOpenHandler?.(openDetails('https://instagram.com/jane'))).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler?.(openDetails('file:///etc/passwd'))).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler?.(openDetails('javascript:alert(1)'))).toEqual({
      action: 'deny',
    })
    expect(opened).toEqual(['https://instagram.com/jane'])
  })

  it('prevents every navigation of the page, even to our own origin', () => {
    const { contents, opened } = guarded()
    expect(contents.fire('will-navigate', {}, 'https://evil.example/')).toBe(true)
    expect(contents.fire('will-navigate', {}, 'file:///app/out/renderer/index.html')).toBe(true)
    expect(contents.fire('will-navigate', {}, 'smb://share/x')).toBe(true)
    expect(opened).toEqual(['https://evil.example/'])
  })

  it('prevents subframe navigations and redirects', () => {
    const { contents } = guarded()
    expect(contents.fire('will-frame-navigate', { isMainFrame: false })).toBe(true)
    expect(contents.fire('will-redirect', {}, 'https://elsewhere.example/')).toBe(true)
  })

  it('refuses to attach webviews', () => {
    const { contents } = guarded()
    expect(contents.fire('will-attach-webview', {}, {}, {})).toBe(true)
  })

  it('guards a web contents once even when asked twice, so a link opens once', () => {
    const opened: string[] = []
    const contents = new FakeContents()
    const open = (url: string) => {
      opened.push(url)
      return Promise.resolve()
    }
    guardWebContents(contents.asWebContents(), open)
    guardWebContents(contents.asWebContents(), open)
    contents.fire('will-navigate', {}, 'https://modash.io/')
    expect(opened).toEqual(['https://modash.io/'])
  })
})

describe('external links', () => {
  it.each([
    ['https://www.tiktok.com/@jane', 'https://www.tiktok.com/@jane'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/a', 'https://example.com/a'],
  ])('lets %s through', (url, expected) => {
    expect(safeExternalUrl(url)).toBe(expected)
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:x',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('blocks %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull()
    let called = false
    expect(
      openExternalLink(url, () => {
        called = true
        return Promise.resolve()
      }),
    ).toBe(false)
    expect(called).toBe(false)
  })

  it('reports a failed open instead of leaving a rejected promise', async () => {
    const errors: unknown[] = []
    openExternalLink(
      'https://example.com',
      () => Promise.reject(new Error('no browser')),
      (e) => errors.push(e),
    )
    await new Promise((resolve) => setImmediate(resolve))
    expect(errors).toHaveLength(1)
  })
})
