import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs'

/** Flushes a file to the disk before it is renamed into place, so a power cut cannot void it. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Removes a scratch database and its companions. Only ever called on files the app made. */
export function removeScratchDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })
}
