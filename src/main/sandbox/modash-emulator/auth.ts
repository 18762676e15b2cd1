import type { IncomingMessage } from 'node:http'

export interface PresentedToken {
  token: string | null
  auth: 'bearer' | 'query' | null
}

/** Where the token came from: the Bearer header wins over `?access_token=`. */
export function extractToken(req: IncomingMessage, params: URLSearchParams): PresentedToken {
  const header = req.headers.authorization
  const bearer = header === undefined ? null : /^Bearer\s+(.+)$/i.exec(header.trim())
  if (bearer?.[1] !== undefined) return { token: bearer[1], auth: 'bearer' }
  const query = params.get('access_token')
  if (query !== null && query !== '') return { token: query, auth: 'query' }
  return { token: null, auth: null }
}

export const TOKEN_INVALID_MESSAGE =
  'A valid API token is needed. Send it as "Authorization: Bearer <token>".'
