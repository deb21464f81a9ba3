import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, open, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '@shared/api/errors'
import type { WritableDb } from '../db/open-database'
import { commitTempFileAsync } from '../fs/write-atomic'
import { linkedHashes, recordFile, type PdfOrigin } from './pdf-files-repo'
import { isSha256, pdfDir, pdfFilePath, pdfTempDir } from './pdf-paths'
import type { PdfWorkerClient } from './pdf-worker-client'
import { MAX_PDF_BYTES, pdfShapeProblem, SHAPE_WINDOW } from './verify-pdf'

/** What storing a file needs. */
export type PdfStoreDeps = {
  db: WritableDb
  dataDir: string
  worker: PdfWorkerClient
  now: () => Date
  /** False once the library is closed: nothing may touch the database after that. */
  isOpen: () => boolean
}

/** A file now in the store. */
export type StoredPdf = { sha256: string; size: number; pageCount: number; removed: string[] }

/** A fresh temporary path in the library's partial-files folder (created if missing). */
export async function newTempFile(dataDir: string, label: string): Promise<string> {
  const dir = pdfTempDir(dataDir)
  await mkdir(dir, { recursive: true })
  const safe = label.replace(/[^a-z0-9-]/gi, '_').slice(0, 40)
  return join(dir, `${safe}-${randomBytes(6).toString('hex')}.part`)
}

/**
 * Verifies a finished temporary file (size cap, `%PDF-` header, end marker, a pdf.js open),
 * moves it to `pdfs/<sha256>.pdf`, then links it to the paper in the database. A file that fails
 * any check is deleted and the error names `label` and the reason; the database is untouched.
 */
export async function acceptTempFile(
  deps: PdfStoreDeps,
  request: { paperId: number; tempFile: string; origin: PdfOrigin; label: string },
): Promise<StoredPdf> {
  const { tempFile, label } = request
  let final: string | null = null
  let createdFinal = false
  try {
    const size = (await stat(tempFile)).size
    if (size > MAX_PDF_BYTES) {
      throw new AppError(
        'too-large',
        `${label}: ${formatBytes(size)} is more than a PDF may be (${formatBytes(MAX_PDF_BYTES)}).`,
      )
    }
    await checkShape(tempFile, label, size)
    const sha256 = await hashFile(tempFile)
    const inspection = await deps.worker.inspect(tempFile, 0).catch((error: unknown) => {
      throw new AppError(
        'unsupported-format',
        `${label}: not a readable PDF (${(error as Error).message}).`,
      )
    })
    final = pdfFilePath(deps.dataDir, sha256)
    const existed = await stat(final).then(
      (info) => info.size === size,
      () => false,
    )
    if (existed) await rm(tempFile, { force: true })
    else {
      // Durable before the row links it: a power cut must not leave a row naming an empty file.
      await commitTempFileAsync(tempFile, final)
      createdFinal = true
    }
    if (!deps.isOpen()) throw new AppError('cancelled', `${label}: the library was closed.`)
    const removed = deps.db
      .transaction(() =>
        recordFile(
          deps.db,
          request.paperId,
          { sha256, size, origin: request.origin },
          deps.now().toISOString(),
        ),
      )
      .immediate()
    await Promise.all(removed.map((sha) => rm(pdfFilePath(deps.dataDir, sha), { force: true })))
    return { sha256, size, pageCount: inspection.pageCount, removed }
  } catch (error) {
    await rm(tempFile, { force: true })
    if (createdFinal && final) await rm(final, { force: true })
    throw error
  }
}

/** Copies a local file into the partial folder (size-checked first) and stores it like a download. */
export async function storeLocalFile(
  deps: PdfStoreDeps,
  request: { paperId: number; file: string; label?: string },
): Promise<StoredPdf> {
  const label = request.label ?? request.file
  const info = await stat(request.file).catch(() => null)
  if (!info?.isFile()) throw new AppError('not-found', `${label}: no such file.`)
  if (info.size > MAX_PDF_BYTES) {
    throw new AppError(
      'too-large',
      `${label}: ${formatBytes(info.size)} is more than a PDF may be (${formatBytes(MAX_PDF_BYTES)}).`,
    )
  }
  const tempFile = await newTempFile(deps.dataDir, `paper-${request.paperId}`)
  try {
    await copyFile(request.file, tempFile)
  } catch (error) {
    await rm(tempFile, { force: true })
    throw new AppError(
      'internal',
      `${label}: could not copy it into the library (${(error as Error).message}).`,
    )
  }
  return acceptTempFile(deps, { paperId: request.paperId, tempFile, origin: 'attach', label })
}

/**
 * Clears what an interrupted run left: partial files untouched for `partialGraceMs` (a live
 * download writes continuously), and stored files no paper links to that are older than `graceMs`
 * (a younger one may belong to another process mid-store).
 */
export async function sweepStore(
  db: WritableDb,
  dataDir: string,
  now: number,
  { graceMs = 60 * 60_000, partialGraceMs = 5 * 60_000 } = {},
): Promise<number> {
  let removed = 0
  for (const name of await readdir(pdfTempDir(dataDir)).catch(() => [] as string[])) {
    const file = join(pdfTempDir(dataDir), name)
    const info = await stat(file).catch(() => null)
    if (info && now - info.mtimeMs >= partialGraceMs) {
      await rm(file, { force: true })
      removed += 1
    }
  }
  const names = await readdir(pdfDir(dataDir)).catch(() => [] as string[])
  const linked = linkedHashes(db)
  for (const name of names) {
    const sha = name.endsWith('.pdf') ? name.slice(0, -4) : ''
    if (!isSha256(sha) || linked.has(sha)) continue
    const file = join(pdfDir(dataDir), name)
    const info = await stat(file).catch(() => null)
    if (info && now - info.mtimeMs >= graceMs) {
      await rm(file, { force: true })
      removed += 1
    }
  }
  return removed
}

/** Deletes stored files by hash (after their rows are gone). */
export async function deleteStoredFiles(
  dataDir: string,
  hashes: ReadonlyArray<string>,
): Promise<void> {
  await Promise.all(hashes.map((sha) => rm(pdfFilePath(dataDir, sha), { force: true })))
}

/** Throws a clear error when a file's size, head or tail rule out a complete PDF. */
export async function checkShape(file: string, label: string, knownSize?: number): Promise<void> {
  const size = knownSize ?? (await stat(file)).size
  if (size > MAX_PDF_BYTES) {
    throw new AppError(
      'too-large',
      `${label}: ${formatBytes(size)} is more than a PDF may be (${formatBytes(MAX_PDF_BYTES)}).`,
    )
  }
  const problem = pdfShapeProblem(...(await headAndTail(file, size)), size)
  if (problem) throw new AppError('unsupported-format', `${label}: ${problem}.`)
}

async function headAndTail(file: string, size: number): Promise<[Buffer, Buffer]> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(Math.min(SHAPE_WINDOW.head, size))
    await handle.read(head, 0, head.length, 0)
    const tailLength = Math.min(SHAPE_WINDOW.tail, size)
    const tail = Buffer.alloc(tailLength)
    await handle.read(tail, 0, tailLength, size - tailLength)
    return [head, tail]
  } finally {
    await handle.close()
  }
}

/** The SHA-256 of a file, streamed. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Bytes as a short human figure (`1.4 MB`). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`
}
