import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import { AppError } from '@shared/api/errors'
import { assertContentWithin, type PdfContentLimits } from './pdf-content-budget'

/** What a quick open of a PDF tells: its page count, metadata and the text of its first pages. */
export type PdfInspection = {
  pageCount: number
  title: string | null
  subject: string | null
  keywords: string | null
  /** Text of the first pages, in order. */
  firstPages: string[]
}

/** The text of every page; a page that fails to parse is empty and named in `failedPages`. */
export type PdfPagesText = { pageCount: number; pages: string[]; failedPages: number[] }

/**
 * What reading one PDF may cost, besides the thread's time and memory (`PdfBudget`): what its
 * streams decode to (bytes, text operators) and its pages.
 */
export type PdfFileLimits = PdfContentLimits & { pages: number }

type PdfJs = typeof PdfJsModule
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

let pdfjs: Promise<PdfJs> | null = null

/** pdf.js's Node build, loaded on first use (it is large; most CLI commands never need it). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjs
}

function standardFontDataUrl(): string {
  const require = createRequire(import.meta.url)
  const root = dirname(require.resolve('pdfjs-dist/package.json'))
  return pathToFileURL(join(root, 'standard_fonts')).href + '/'
}

/**
 * Opens a PDF with scripting, XFA and eval off; the caller destroys it. With `limits`, a file whose
 * streams decode to more than the budget is refused before pdf.js reads any of it.
 */
async function openPdf(file: string, limits?: PdfFileLimits): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs()
  const data = new Uint8Array(await readFile(file))
  if (limits) await assertContentWithin(data, limits)
  const task = getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: standardFontDataUrl(),
    verbosity: 0,
  })
  return task.promise
}

async function pageText(doc: PdfDocument, pageNumber: number): Promise<string> {
  const page = await doc.getPage(pageNumber)
  try {
    const content = await page.getTextContent()
    let text = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      text += item.str
      if (item.hasEOL) text += '\n'
    }
    // The search index marks hits with private-use characters; keep them out of the text.
    return text
      .replace(/[\uE000\uE001]/g, '')
      .replace(/[ \t]+/g, ' ')
      .trim()
  } finally {
    page.cleanup()
  }
}

/**
 * Opens a PDF and reads its page count, metadata and the text of up to `textPages` first pages;
 * reading text, it keeps to `limits` (a file over them fails as `too-large`).
 */
export async function inspectPdf(
  file: string,
  textPages: number,
  limits: PdfFileLimits,
): Promise<PdfInspection> {
  const doc = await openPdf(file, textPages > 0 ? limits : undefined)
  try {
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as {
      info: Record<string, unknown>
    }
    const firstPages: string[] = []
    for (let n = 1; n <= Math.min(textPages, doc.numPages); n += 1) {
      firstPages.push(await pageText(doc, n).catch(() => ''))
    }
    return {
      pageCount: doc.numPages,
      title: stringField(info['Title']),
      subject: stringField(info['Subject']),
      keywords: stringField(info['Keywords']),
      firstPages,
    }
  } finally {
    await doc.destroy()
  }
}

/** Reads the text of every page of a PDF, within `limits` (over them it fails as `too-large`). */
export async function extractPdfText(file: string, limits: PdfFileLimits): Promise<PdfPagesText> {
  const doc = await openPdf(file, limits)
  try {
    if (doc.numPages > limits.pages) {
      throw new AppError(
        'too-large',
        `The PDF has ${doc.numPages} pages, more than the ${limits.pages} whose text is read; its text is not read.`,
      )
    }
    const pages: string[] = []
    const failedPages: number[] = []
    for (let n = 1; n <= doc.numPages; n += 1) {
      try {
        pages.push(await pageText(doc, n))
      } catch {
        pages.push('')
        failedPages.push(n)
      }
    }
    return { pageCount: doc.numPages, pages, failedPages }
  } finally {
    await doc.destroy()
  }
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}
