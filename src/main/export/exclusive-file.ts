import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import type { WriteStream } from 'node:fs'
import { copyFile, link, lstat, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { AppError } from '../../shared/errors'

/** How many "name (n).csv" are tried before giving up: a folder this full is a mistake. */
const MAX_NUMBERED = 999

// Create, and fail if anything (a file, a planted symlink, even a dangling one) has the name.
// O_NOFOLLOW does not exist on Windows, where O_EXCL alone already refuses an existing link.
const EXCLUSIVE =
  constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0)

/**
 * A hidden temp file beside `path`, with a random name nobody can plant a link at in advance,
 * created exclusively and readable by the user only (contact data).
 */
export async function openTempBeside(
  path: string,
): Promise<{ tempPath: string; stream: WriteStream }> {
  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.part`)
  const handle = await open(tempPath, EXCLUSIVE, 0o600)
  return { tempPath, stream: handle.createWriteStream() }
}

/**
 * Moves the finished temp file to `path`, replacing what is there. Only for a file the user chose
 * to replace. `rename` swaps the directory entry: a symlink at `path` is itself replaced, and the
 * file it pointed at is never written. A folder is refused in plain words.
 */
export async function placeReplacing(tempPath: string, path: string): Promise<string> {
  const existing = await lstat(path).catch(() => null)
  if (existing !== null && !existing.isFile() && !existing.isSymbolicLink()) {
    throw new AppError(
      'PRECONDITION',
      `“${basename(path)}” is a folder or special file, not a file to replace: choose another name.`,
    )
  }
  await rename(tempPath, path)
  return path
}

/**
 * Moves the finished temp file to `path`, or to `name (2).csv`, `name (3).csv`… when that is
 * taken, without ever replacing anything. A hard link is created exclusively by the kernel
 * (EEXIST for any existing entry, links included), so checking and claiming a name is one step
 * and a file appearing meanwhile is never clobbered. Where the disk has no hard links (FAT,
 * some network shares), an exclusive copy does the same.
 */
export async function placeBeside(tempPath: string, path: string): Promise<string> {
  for (let n = 1; n <= MAX_NUMBERED; n++) {
    const candidate = numbered(path, n)
    try {
      await claim(tempPath, candidate)
      await unlink(tempPath)
      return candidate
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
  throw new AppError(
    'PRECONDITION',
    `The export folder already holds ${MAX_NUMBERED} files named like “${basename(path)}”: move some away and export again.`,
  )
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'])

async function claim(tempPath: string, candidate: string): Promise<void> {
  try {
    await link(tempPath, candidate)
  } catch (err) {
    if (!NO_HARD_LINKS.has((err as NodeJS.ErrnoException).code ?? '')) throw err
    await copyFile(tempPath, candidate, constants.COPYFILE_EXCL)
  }
}

/** `report.csv`, `report (2).csv`, `report (3).csv`… */
export function numbered(path: string, n: number): string {
  if (n === 1) return path
  const ext = extname(path)
  return join(dirname(path), `${basename(path, ext)} (${n})${ext}`)
}
