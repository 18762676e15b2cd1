import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createClayClient } from '../../../src/main/providers/clay/clay-client'
import { createModashClient } from '../../../src/main/providers/modash/modash-client'
import { startClayEmulator } from '../../../src/main/sandbox/clay-emulator'
import { ProviderError } from '../../../src/main/providers/provider-error'
import { MIN_SECRET_FRAGMENT, scrubSecret } from '../../../src/main/providers/scrub-secret'

/** Every window of MIN_SECRET_FRAGMENT characters of `secret` that appears in `text`. */
function leakedWindows(text: string, secret: string): string[] {
  const leaks: string[] = []
  for (let i = 0; i + MIN_SECRET_FRAGMENT <= secret.length; i++) {
    const window = secret.slice(i, i + MIN_SECRET_FRAGMENT)
    if (text.includes(window)) leaks.push(window)
  }
  return leaks
}

const KEY = 'mdsh_live_9f3c1a7e5b2d4f6a8c0e1b3d5f7a9c1e'

describe('scrubbing a key out of provider text', () => {
  it('removes the key whole, in part, URL-encoded and JSON-escaped', () => {
    const samples = [
      `bad token ${KEY}`,
      `token starts ${KEY.slice(0, 12)} and ends ${KEY.slice(-9)}`,
      `in a URL: ?access_token=${encodeURIComponent(`${KEY}/+`)}`,
      JSON.stringify({ echoed: KEY }),
    ]
    for (const text of samples) expect(leakedWindows(scrubSecret(text, KEY), KEY)).toEqual([])
    expect(scrubSecret('nothing secret here', KEY)).toBe('nothing secret here')
  })

  it('leaves no 8-character window of any key in any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 60 }),
        fc.string({ maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (secret, noise, from, length) => {
          const start = from % secret.length
          const piece = secret.slice(start, start + Math.max(8, length % (secret.length + 1)))
          const text = `${noise}${piece}${noise}${secret}`
          expect(leakedWindows(scrubSecret(text, secret), secret)).toEqual([])
        },
      ),
    )
  })
})

describe('a Modash error message that echoes the key across the length cut', () => {
  it('reaches the caller without any fragment of the key', async () => {
    for (const padding of [280, 285, 290, 295, 299]) {
      const server = createServer((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            error: true,
            code: 'bad_request',
            message: `${'x'.repeat(padding)} token was ${KEY}`,
          }),
        )
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      const client = createModashClient({
        baseUrl: `http://127.0.0.1:${port}/v1`,
        token: () => KEY,
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      })
      const err = await client.users('instagram', 'jane').catch((e: unknown) => e)
      await new Promise<void>((resolve) => server.close(() => resolve()))
      expect(err).toBeInstanceOf(ProviderError)
      const e = err as ProviderError
      expect(leakedWindows(`${e.message} ${JSON.stringify(e.toInfo())}`, KEY)).toEqual([])
      expect(e.message.length).toBeLessThanOrEqual(301)
    }
  })
})

describe('a Clay error message that echoes the key across the length cut', () => {
  const CLAY_KEY = 'clay_live_5e7a9c1b3d5f7a9c1e3b5d7f9a1c3e5b'

  it('reaches the caller without any fragment of the key', async () => {
    const emulator = await startClayEmulator({
      apiKeys: { [CLAY_KEY]: 1000 },
      routines: ['function:t_email'],
      emails: {},
    })
    try {
      const client = createClayClient({
        baseUrl: emulator.baseUrl,
        apiKey: () => CLAY_KEY,
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      })
      for (const padding of [170, 180, 190, 195, 199, 380, 395]) {
        emulator.injectFaults('run', [
          { kind: 'status', status: 400, message: `${'y'.repeat(padding)} key ${CLAY_KEY}` },
        ])
        const err = await client
          .startRun('function:t_email', 'creator-1', { Handle: 'jane' })
          .catch((e: unknown) => e)
        expect(err).toBeInstanceOf(ProviderError)
        const e = err as ProviderError
        expect(leakedWindows(`${e.message} ${JSON.stringify(e.toInfo())}`, CLAY_KEY)).toEqual([])
      }
    } finally {
      await emulator.close()
    }
  })
})
