/** The largest PDF a download or attachment accepts. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024
/** Smaller than any real PDF (a one-page empty document is about 500 bytes). */
export const MIN_PDF_BYTES = 64

const MAGIC = Buffer.from('%PDF-', 'latin1')
const EOF_MARK = Buffer.from('%%EOF', 'latin1')
/** Where the header may start: the PDF spec allows junk before it, readers accept up to 1 KB. */
const HEADER_WINDOW = 1024
/** Where the end marker must be: after it only whitespace or a few bytes of junk. */
const TAIL_WINDOW = 2048

/** Why a file is not taken as a PDF, or null when its head and tail look like one. */
export function pdfShapeProblem(head: Buffer, tail: Buffer, size: number): string | null {
  if (size === 0) return 'it is empty'
  const start = head.subarray(0, HEADER_WINDOW).indexOf(MAGIC)
  if (start < 0) return `it is not a PDF (it starts with ${describeStart(head)})`
  if (size < MIN_PDF_BYTES) return `it is too small to be a PDF (${size} bytes)`
  if (tail.subarray(-TAIL_WINDOW).lastIndexOf(EOF_MARK) < 0) {
    return 'it is incomplete (the PDF has no end marker; the transfer was probably cut short)'
  }
  return null
}

/** How many bytes of head and tail `pdfShapeProblem` looks at. */
export const SHAPE_WINDOW = { head: HEADER_WINDOW, tail: TAIL_WINDOW } as const

/** Why a response's Content-Type rules out a PDF, or null when it may be one (absent or generic types pass). */
export function contentTypeProblem(contentType: string | null): string | null {
  if (!contentType) return null
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? ''
  if (type === '' || type === 'application/pdf' || type === 'application/x-pdf') return null
  if (
    type === 'application/octet-stream' ||
    type === 'binary/octet-stream' ||
    type === 'application/download'
  ) {
    return null
  }
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    return 'the server sent a web page (text/html), not a PDF'
  }
  return `the server sent ${type}, not a PDF`
}

function describeStart(head: Buffer): string {
  const text = head.subarray(0, 16).toString('latin1')

  const printable = text.replace(/[^\x20-\x7e]/g, '.').trim()
  return printable === '' ? 'binary data' : JSON.stringify(printable)
}
