import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { open, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A temporary name beside `target`, so the final rename stays on one file system. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`)
}

/**
 * Makes a finished temporary file the target: fsync the data, rename (atomic), fsync the folder,
 * so a crash leaves either the old target or the complete new one, never a short file.
 */
export function commitTempFile(temp: string, target: string): void {
  const fd = openSync(temp, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, target)
  syncFolder(dirname(target))
}

/** `commitTempFile` without blocking the event loop while a large file is flushed. */
export async function commitTempFileAsync(temp: string, target: string): Promise<void> {
  const handle = await open(temp, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, target)
  syncFolder(dirname(target))
}

/** Writes a whole file atomically: a temporary file beside the target, flushed, then renamed. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(target)
  try {
    await writeFile(temp, data)
    await commitTempFileAsync(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** Flushes a folder's entries (a rename lives in the folder, not in the file). */
function syncFolder(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a folder for fsync; its rename is already durable.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Writes a whole text file atomically (temporary name, fsync, rename), creating its folder. */
export function writeTextFileAtomic(target: string, text: string): void {
  mkdirSync(dirname(target), { recursive: true })
  const temp = tempPathFor(target)
  try {
    writeFileSync(temp, text)
    commitTempFile(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
