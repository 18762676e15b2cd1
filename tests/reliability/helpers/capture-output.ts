/**
 * Everything the process prints while a test runs: console calls and direct writes to stdout
 * and stderr. Printing still happens; this only keeps a copy to search.
 */
export function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = []
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const
  const targets: [object, string][] = [
    ...methods.map((m): [object, string] => [console, m]),
    [process.stdout, 'write'],
    [process.stderr, 'write'],
  ]
  // Put back exactly what was there, own property or inherited, whoever patched it before us.
  const saved = targets.map(([target, key]) => Object.getOwnPropertyDescriptor(target, key))
  for (const m of methods) {
    const original = console[m].bind(console)
    console[m] = (...args: unknown[]) => {
      chunks.push(
        args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '),
      )
      original(...args)
    }
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString())
      return write(chunk, ...rest)
    }
  }
  return {
    text: () => chunks.join('\n'),
    restore: () => {
      targets.forEach(([target, key], i) => {
        const descriptor = saved[i]
        if (descriptor) Object.defineProperty(target, key, descriptor)
        else Reflect.deleteProperty(target, key)
      })
    },
  }
}
