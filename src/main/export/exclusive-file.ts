import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import type { WriteStream } from 'node:fs'
import { copyFile, link, lstat, open, rename, rm, unlink } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../shared/errors'
import type { ExportTarget } from './export-target'

/** How many "name (n).csv" are tried before giving up: a folder this full is a mistake. */
const MAX_NUMBERED = 999

// Create, and fail if anything (a file, a planted symlink, even a dangling one) has the name.
// O_NOFOLLOW does not exist on Windows, where O_EXCL alone already refuses an existing link.
const EXCLUSIVE =
  constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0)

/**
 * Writes `text` to `target` the safe way every export takes: into a temp file created
 * exclusively beside it (`openTempBeside`), pulled only as fast as the disk takes it, and moved
 * into place only once complete, replacing a file only when the user chose to. A failed export
 * leaves no half-written file behind, and neither name can be a link planted to make us
 * overwrite something else. Returns where the file ended up.
 */
export async function writeExclusively(
  target: ExportTarget,
  text: AsyncIterable<string>,
): Promise<string> {
  const { tempPath, stream } = await openTempBeside(target.path)
  try {
    await pipeline(Readable.from(text), stream)
    return target.ifExists === 'replace'
      ? await placeReplacing(tempPath, target.path)
      : await placeBeside(tempPath, target.path)
  } catch (err) {
    // Our own temp file (created exclusively, so never someone else's file or link).
    await rm(tempPath, { force: true })
    throw err
  }
}

/**
 * A hidden temp file beside `path`, with a random name nobody can plant a link at in advance,
 * created exclusively and readable by the user only (contact data).
 */
async function openTempBeside(path: string): Promise<{ tempPath: string; stream: WriteStream }> {
  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.part`)
  const handle = await open(tempPath, EXCLUSIVE, 0o600)
  return { tempPath, stream: handle.createWriteStream() }
}

/**
 * Moves the finished temp file to `path`, replacing what is there. Only for a file the user chose
 * to replace. `rename` swaps the directory entry: a symlink at `path` is itself replaced, and the
 * file it pointed at is never written. A folder is refused in plain words.
 */
async function placeReplacing(tempPath: string, path: string): Promise<string> {
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
async function placeBeside(tempPath: string, path: string): Promise<string> {
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
