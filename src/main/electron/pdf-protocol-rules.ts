// The decisions behind the PDF protocol handler, free of 'electron' so they are unit-tested.
import { resolve } from 'node:path'
import { isInsideFolder } from '../core/pdf/pdf-paths'

/** The scheme the renderer loads stored PDFs from: `papershelf-pdf://pdf/<paper id>`. */
export const PDF_SCHEME = 'papershelf-pdf'

const RAW_FORM = /^papershelf-pdf:\/\/pdf\/[1-9]\d{0,15}(?:\?[\w=&.-]*)?$/

/** The paper a protocol URL names, or null for anything else (other hosts, paths, encodings, ids). */
export function paperIdFromPdfUrl(url: string): number | null {
  // The raw text must already be canonical: no dot segments or escapes for URL parsing to fold away.
  if (!RAW_FORM.test(url)) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${PDF_SCHEME}:` || parsed.host !== 'pdf') return null
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null
  const match = /^\/([1-9]\d{0,15})$/.exec(parsed.pathname)
  return match ? Number(match[1]) : null
}

/** True when the core's answer for a paper is a file the handler may read: inside the library's PDF folder. */
export function isServablePdf(pdfFolder: string, file: string): boolean {
  return isInsideFolder(pdfFolder, file) && resolve(file).endsWith('.pdf')
}
