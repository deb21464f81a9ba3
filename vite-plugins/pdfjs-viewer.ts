import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

/** The element the reader's viewer lives in: pdf.js's stylesheet applies only inside it. */
export const PDF_VIEWER_SCOPE = '.pdf-viewer'
/** pdf.js's font and CMap folders, shipped (licences included) under `pdfjs/` beside the page. */
export const PDFJS_ASSET_DIRS = ['standard_fonts', 'cmaps'] as const
const OUT_DIR = 'pdfjs'

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/**
 * pdf.js's viewer stylesheet, confined to the reader: it styles global names (`.sidebar`,
 * `.toolbar`, `:root` variables) that would otherwise restyle the app's own sidebar once the
 * reader has been opened. `:root` becomes the scope root so the viewer's variables still apply.
 */
export function scopeViewerCss(css: string, scope = PDF_VIEWER_SCOPE): string {
  return `@scope (${scope}) {\n${css.replace(/:root\b/g, ':scope')}\n}\n`
}

/**
 * Scopes pdf.js's viewer CSS to the reader and ships its standard fonts and CMaps with the app
 * (PDFs that do not embed their fonts, and CJK text, render right without any network access).
 */
export function pdfjsViewer(): Plugin {
  return {
    name: 'papershelf-pdfjs-viewer',
    enforce: 'pre',
    transform(code, id) {
      if (!/pdfjs-dist[\\/]web[\\/]pdf_viewer\.css(\?|$)/.test(id)) return null
      return { code: scopeViewerCss(code), map: null }
    },
    generateBundle() {
      for (const dir of PDFJS_ASSET_DIRS) {
        for (const name of readdirSync(join(pdfjsRoot, dir))) {
          this.emitFile({
            type: 'asset',
            fileName: `${OUT_DIR}/${dir}/${name}`,
            source: readFileSync(join(pdfjsRoot, dir, name)),
          })
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/pdfjs\/(standard_fonts|cmaps)\/([\w.-]+)$/.exec(req.url ?? '')
        if (!match?.[1] || !match[2]) return next()
        try {
          res.end(readFileSync(join(pdfjsRoot, match[1], match[2])))
        } catch {
          next()
        }
      })
    },
  }
}
