import { join, relative, resolve, isAbsolute } from 'node:path'

/** The folder of stored PDFs inside a library folder. */
export function pdfDir(dataDir: string): string {
  return join(dataDir, 'pdfs')
}

/** Where unfinished downloads and copies are written before they are verified. */
export function pdfTempDir(dataDir: string): string {
  return join(pdfDir(dataDir), '.partial')
}

const SHA256 = /^[0-9a-f]{64}$/

/** True for a lower-case hex SHA-256 digest, the only thing a stored file is ever named after. */
export function isSha256(text: string): boolean {
  return SHA256.test(text)
}

/** The stored file of a content hash; throws on anything but a digest, so no name reaches the disk unchecked. */
export function pdfFilePath(dataDir: string, sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a SHA-256 digest: ${JSON.stringify(sha256)}`)
  return join(pdfDir(dataDir), `${sha256}.pdf`)
}

/** True when `file` resolves to a file strictly inside `folder` (no `..`, no other drive). */
export function isInsideFolder(folder: string, file: string): boolean {
  const rel = relative(resolve(folder), resolve(file))
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}
