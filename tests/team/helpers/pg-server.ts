import { execFile, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A real, throw-away PostgreSQL server for the team-mode tests and the benchmark: `initdb` into
 * a temporary folder, `pg_ctl` on a free loopback port, removed on `close()`. About a second to
 * start. Passwords are checked with scram-sha-256 on TCP, as a real team server would; nothing
 * listens beyond 127.0.0.1.
 *
 * `initdb` and `pg_ctl` refuse to run as root, so as root they run as the `postgres` user
 * (`runuser`), in a folder that user owns.
 */
export interface PgServer {
  readonly host: string
  readonly port: number
  readonly adminPassword: string
  readonly dataDir: string
  /** A connection string for the superuser, to `database` (default `postgres`). */
  adminUrl(database?: string): string
  /** A connection string for any role on this server. */
  url(user: string, password: string, database?: string): string
  /** Stops the server: `immediate` is a crash (no checkpoint, recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>
  start(): Promise<void>
  /** SIGKILLs the postmaster and every backend, as a power cut would leave them. */
  kill(): Promise<void>
  close(): Promise<void>
  /** The TLS certificate authority clients must trust, when started with `tls`. */
  readonly caCert: string | null
}

export interface PgServerOptions {
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>
  /** Serve TLS with a self-signed certificate (needs `openssl`). */
  tls?: boolean
}

/** The folder holding `initdb` and `pg_ctl`, newest version first; null when none is installed. */
export function findPgBin(): string | null {
  const fromEnv = process.env.PG_BIN
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? null : join(root, versions[0], 'bin')
}

/** Why PostgreSQL cannot run here, or null when it can. */
export function pgUnavailableReason(): string | null {
  if (findPgBin() === null) {
    return 'no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb); install Debian package postgresql'
  }
  if (isRoot() && !hasUser('postgres')) {
    return 'running as root without a "postgres" user to run initdb as'
  }
  return null
}

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const bin = findPgBin()
  if (bin === null) throw new Error(pgUnavailableReason() ?? 'PostgreSQL is not installed')
  const root = mkdtempSync(join(tmpdir(), 'creator-desk-pg-'))
  const dataDir = join(root, 'data')
  const adminPassword = randomBytes(12).toString('hex')
  const pwfile = join(root, 'pw')
  writeFileSync(pwfile, `${adminPassword}\n`)
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(root, uid, gid)
    chownSync(pwfile, uid, gid)
  }
  chmodSync(root, 0o700)
  await asServerUser(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '-A',
    'scram-sha-256',
    '-E',
    'UTF8',
    '--no-locale',
    '--no-sync',
  ])
  rmSync(pwfile, { force: true })

  let caCert: string | null = null
  if (options.tls) caCert = makeCertificate(root, dataDir)

  let port = await freePort()
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    max_connections: '200',
    // A test's server is thrown away: a crash test stops the process, never the machine, so
    // the OS still holds what was written; fsync only slows every test down.
    fsync: 'off',
    full_page_writes: 'off',
    ...(options.tls ? { ssl: 'on', ssl_cert_file: 'server.crt', ssl_key_file: 'server.key' } : {}),
    ...options.settings,
  }
  const pgCtl = join(bin, 'pg_ctl')
  const start = async () => {
    const flags = [
      `-p ${port}`,
      `-k ${root}`,
      ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
    ].join(' ')
    try {
      await asServerUser(pgCtl, [
        '-D',
        dataDir,
        '-o',
        flags,
        '-l',
        join(root, 'log'),
        '-w',
        '-t',
        '60',
        'start',
      ])
    } catch (err) {
      // The port may have been taken between choosing and binding it: choose another once.
      port = await freePort()
      const retry = flags.replace(/-p \d+/, `-p ${port}`)
      try {
        await asServerUser(pgCtl, [
          '-D',
          dataDir,
          '-o',
          retry,
          '-l',
          join(root, 'log'),
          '-w',
          '-t',
          '60',
          'start',
        ])
      } catch {
        throw err
      }
    }
  }
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await asServerUser(pgCtl, ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']).catch(
      () => undefined,
    )
  }
  await start()

  const server: PgServer = {
    host: '127.0.0.1',
    get port() {
      return port
    },
    adminPassword,
    dataDir,
    caCert,
    adminUrl: (database = 'postgres') =>
      `postgresql://postgres:${adminPassword}@127.0.0.1:${port}/${database}`,
    url: (user, password, database = 'postgres') =>
      `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop,
    start,
    kill: async () => {
      const pids = postgresPids(dataDir)
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
      await waitUntilGone(pids)
      // A killed postmaster leaves its pid file behind; the next start must not trust it.
      rmSync(join(dataDir, 'postmaster.pid'), { force: true })
    },
    close: async () => {
      await stop('immediate')
      rmSync(root, { recursive: true, force: true })
    },
  }
  return server
}

/** The postmaster's pid and its children's, from its pid file and /proc. */
function postgresPids(dataDir: string): number[] {
  let master: number
  try {
    master = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return []
  }
  const pids = [master]
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === master) pids.push(Number(entry))
    } catch {
      // exited while listing
    }
  }
  return pids
}

async function waitUntilGone(pids: number[]): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    })
    if (alive.length === 0) return
    await new Promise((r) => setTimeout(r, 25))
  }
}

function makeCertificate(root: string, dataDir: string): string {
  const crt = join(dataDir, 'server.crt')
  const key = join(dataDir, 'server.key')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      key,
      '-out',
      crt,
    ],
    { stdio: 'ignore' },
  )
  chmodSync(key, 0o600)
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(crt, uid, gid)
    chownSync(key, uid, gid)
  }
  return readFileSync(crt, 'utf8')
}

async function asServerUser(command: string, args: string[]): Promise<void> {
  if (isRoot()) await run('runuser', ['-u', 'postgres', '--', command, ...args])
  else await run(command, args)
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function hasUser(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}
