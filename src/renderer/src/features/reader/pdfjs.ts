import { GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { PDFLinkService } from 'pdfjs-dist/web/pdf_viewer.mjs'
import 'pdfjs-dist/web/pdf_viewer.css'

// The worker is a file of this app (CSP: worker-src 'self'), never a blob of fetched code.
GlobalWorkerOptions.workerSrc = workerUrl

let worker: PDFWorker | null = null

/**
 * One pdf.js worker for every document the reader opens: starting a worker parses 1.2 MB of
 * script, which would otherwise delay every first page.
 */
export function sharedPdfWorker(): PDFWorker {
  if (!worker || worker.destroyed) worker = new PDFWorker()
  return worker
}

/** The app's own copy of pdf.js's data files (shipped by the build, see `vite-plugins/`). */
const pdfjsData = (dir: 'standard_fonts' | 'cmaps') =>
  new URL(`pdfjs/${dir}/`, document.baseURI).href

/** Options every document is opened with: no eval (CVE-2024-4367 class), no XFA, no scripting. */
export const SAFE_DOCUMENT_OPTIONS = {
  isEvalSupported: false,
  enableXfa: false,
  // Fonts come from the PDF itself, else from the standard fonts and CMaps shipped with the app
  // (PDFs that only name Helvetica or Times, CJK text): never from the system or the network.
  useSystemFonts: false,
  standardFontDataUrl: pdfjsData('standard_fonts'),
  cMapUrl: pdfjsData('cmaps'),
  cMapPacked: true,
  disableAutoFetch: true,
} as const

/**
 * A link service whose external links never navigate: a click hands the address to `onOpenLink`
 * (which opens only http(s) in the system browser). Internal links and citations work as in pdf.js.
 */
export class SafeLinkService extends PDFLinkService {
  onOpenLink: (url: string) => void = () => {}

  override addLinkAttributes(link: HTMLAnchorElement, url: string): void {
    link.href = url
    link.title = url
    link.rel = 'noopener noreferrer nofollow'
    link.target = ''
    link.onclick = (event) => {
      event.preventDefault()
      this.onOpenLink(url)
      return false
    }
  }
}
