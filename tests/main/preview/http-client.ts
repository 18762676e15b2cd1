import { request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * Plain `http.request`, because fetch will not let a test forge the Host header, and forging
 * Host and Origin is exactly what these tests need.
 */
export function httpCall(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** A running preview: its root URL and the run's token that `/ipc` calls must carry. */
export interface PreviewTarget {
  url: string
  token: string
}

/** One `/ipc` call as the bridge makes it, token included; `headers` may override or add. */
export function postIpc(
  preview: PreviewTarget,
  channel: string,
  input: unknown,
  headers: Record<string, string> = {},
) {
  return httpCall(`${preview.url}ipc/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-preview-token': preview.token,
      ...headers,
    },
    body: JSON.stringify(input),
  })
}
