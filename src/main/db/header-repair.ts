import { closeSync, existsSync, openSync, readSync, rmSync, writeSync } from 'node:fs'

const MAGIC = 'SQLite format 3\0'
const PAGE_SIZES = [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512]

/**
 * When the first 100 bytes of the file (SQLite's header) are overwritten, SQLite refuses the
 * whole file ("file is not a database") although every page behind the header may be intact.
 * This writes a plausible header into a scratch copy, trying the page size the old header still
 * names first and then the usual ones, until `readable` accepts the copy. Only a scratch copy is
 * ever repaired: the damaged file is kept as it was. Returns the page size that worked, or null.
 *
 * The header written: the magic string, the page size, WAL or rollback journal (WAL when the
 * copy has a WAL to replay), the fixed payload fractions, schema format 4, UTF-8, and a zero
 * page count, which makes SQLite count pages from the file's size. The free-page list is lost
 * (free pages hold nothing), and so are the user version and application id (unused here).
 */
export function repairHeader(copyPath: string, readable: (path: string) => boolean): number | null {
  const old = Buffer.alloc(100)
  const fd = openSync(copyPath, 'r+')
  try {
    readSync(fd, old, 0, 100, 0)
    const wal = existsSync(`${copyPath}-wal`)
    for (const pageSize of candidates(old)) {
      writeSync(fd, header(pageSize, wal), 0, 100, 0)
      // The shared-memory index describes the old header's view of the file; it is rebuilt.
      rmSync(`${copyPath}-shm`, { force: true })
      if (readable(copyPath)) return pageSize
    }
    writeSync(fd, old, 0, 100, 0)
    return null
  } finally {
    closeSync(fd)
  }
}

/** The page size the old header names, when it still names a valid one, then the usual ones. */
function candidates(old: Buffer): number[] {
  const raw = old.readUInt16BE(16)
  const named = raw === 1 ? 65536 : raw
  return PAGE_SIZES.includes(named) ? [named, ...PAGE_SIZES.filter((p) => p !== named)] : PAGE_SIZES
}

function header(pageSize: number, wal: boolean): Buffer {
  const h = Buffer.alloc(100)
  h.write(MAGIC, 0, 'latin1')
  h.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16)
  h[18] = wal ? 2 : 1 // file format write version
  h[19] = wal ? 2 : 1 // file format read version
  h[20] = 0 // reserved bytes per page
  h[21] = 64 // maximum embedded payload fraction (fixed)
  h[22] = 32 // minimum embedded payload fraction (fixed)
  h[23] = 32 // leaf payload fraction (fixed)
  h.writeUInt32BE(1, 24) // change counter
  h.writeUInt32BE(0, 28) // page count: 0 = count from the file size
  h.writeUInt32BE(1, 40) // schema cookie
  h.writeUInt32BE(4, 44) // schema format
  h.writeUInt32BE(1, 56) // text encoding: UTF-8
  h.writeUInt32BE(0, 92) // version-valid-for: differs from the change counter, page count unused
  h.writeUInt32BE(3_053_002, 96)
  return h
}
