import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '@shared/api/errors'
import { currentProcess, isProcessAlive, type ProcessIdentity } from './process-identity'

/** The lock file in a library folder that names its owner. */
export const OWNER_LOCK_FILE = 'owner.lock'

const lockSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string().nullable(),
  /** What holds the library: `serve`, the app. */
  door: z.string().max(40),
  /** The owner's loopback API (`http://127.0.0.1:PORT`); null while it is still starting. */
  origin: z
    .string()
    .regex(/^http:\/\/127\.0\.0\.1:\d{1,5}$/)
    .nullable(),
  token: z.string().min(16).max(200).nullable(),
})

/** What a lock file says. */
export type OwnerRecord = z.infer<typeof lockSchema>

/** A lock this process holds. */
export type OwnerLock = {
  file: string
  /** Writes the owner's loopback address and secret into the lock, once its door listens. */
  publish(origin: string, token: string): void
  /** Removes the lock if it is still this process's. */
  release(): void
}

/**
 * Makes this process the owner of the library in `dataDir`, or throws `library-busy` naming the
 * living owner. A lock whose process is gone (or whose pid now belongs to a later process) is
 * stale and replaced. The file is created complete (written aside, then hard-linked into place,
 * which fails if one exists) and readable only by the user: it carries the API's secret.
 */
export function acquireOwnerLock(dataDir: string, door: string): OwnerLock {
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw lockError(dataDir, error)
  }
  const file = join(dataDir, OWNER_LOCK_FILE)
  const me = currentProcess()
  const record = (origin: string | null, token: string | null): OwnerRecord => ({
    ...me,
    door,
    origin,
    token,
  })
  for (let attempt = 0; attempt < 5; attempt += 1) {
    let temp: string
    try {
      temp = writeAside(file, record(null, null))
    } catch (error) {
      throw lockError(dataDir, error)
    }
    try {
      linkSync(temp, file)
      return {
        file,
        publish: (origin, token) => renameSync(writeAside(file, record(origin, token)), file),
        release: () => {
          const held = readOwnerRecord(dataDir)
          if (held?.pid === me.pid && held.startedAt === me.startedAt) rmSync(file, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(dataDir, error)
    } finally {
      rmSync(temp, { force: true })
    }
    const holder = readOwnerRecord(dataDir)
    if (holder && isProcessAlive(holder)) throw busyError(dataDir, holder)
    removeStale(file)
  }
  throw new AppError(
    'library-busy',
    `Could not take the lock ${file}: other processes keep replacing it.`,
  )
}

/** The lock's content, or null when there is none or it cannot be read as one. */
export function readOwnerRecord(dataDir: string): OwnerRecord | null {
  return parseRecord(join(dataDir, OWNER_LOCK_FILE))
}

function parseRecord(file: string): OwnerRecord | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = lockSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The living owner of a library, or null (no lock, or its process is gone). */
export function livingOwner(dataDir: string): OwnerRecord | null {
  const record = readOwnerRecord(dataDir)
  return record && isProcessAlive(record) ? record : null
}

/** "process 1234 (serve)": how a message names an owner. */
export function describeOwner(owner: ProcessIdentity & { door: string }): string {
  return `process ${owner.pid} (${owner.door})`
}

function busyError(dataDir: string, holder: OwnerRecord): AppError {
  const where = holder.origin ? ` at ${holder.origin}` : ''
  return new AppError(
    'library-busy',
    `The library ${dataDir} is already open in ${describeOwner(holder)}${where}. Stop it first, or use it: other papershelf commands go through it.`,
  )
}

const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS'])

function lockError(dataDir: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  const cause = `${code ? `${code}: ` : ''}${(error as Error).message}`
  return NOT_WRITABLE.has(code)
    ? new AppError(
        'read-only',
        `The library folder ${dataDir} is not writable (${cause}), so it cannot be opened for writing.`,
      )
    : new AppError('internal', `Cannot write the lock file in ${dataDir} (${cause}).`)
}

function writeAside(file: string, record: OwnerRecord): string {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  writeFileSync(temp, `${JSON.stringify(record)}\n`, { mode: 0o600, flag: 'wx' })
  return temp
}

/**
 * Moves a stale lock out of the way; when two processes race, only one rename succeeds. If what
 * was moved turns out to be a living owner's fresh lock (taken in between), it is put back.
 */
function removeStale(file: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    renameSync(file, aside)
  } catch {
    return
  }
  const moved = parseRecord(aside)
  if (moved && isProcessAlive(moved)) {
    try {
      linkSync(aside, file)
    } catch {
      // another lock is in place already: the next attempt reads it
    }
  }
  rmSync(aside, { force: true })
}
