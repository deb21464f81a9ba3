import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { pdfjsViewer } from './vite-plugins/pdfjs-viewer'

const alias = { '@shared': resolve('src/shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // index: the Electron entry; cli: the `papershelf` command (also serves the browser door);
        // pdf-worker, parse-worker and topics-worker: the threads that run pdf.js, the parsers of
        // imported files and fetched pages, and the learned topics (started by file name, so each
        // is an entry of its own).
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/main.ts'),
          'pdf-worker': resolve('src/main/core/pdf/pdf-worker.ts'),
          'parse-worker': resolve('src/main/core/parse/parse-worker.ts'),
          'topics-worker': resolve('src/main/core/topics/topics-worker.ts'),
        },
        // pdf.js loads its own worker module beside it at run time: keep it a package, not a bundle.
        external: ['better-sqlite3', /^pdfjs-dist(\/|$)/],
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // A sandboxed preload cannot load ES modules: emit one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias },
    plugins: [react(), pdfjsViewer()],
    // Fonts and images stay files: the strict CSP allows no data: fonts. Minified, the first
    // screen parses in a fraction of the time (the bundle loads before any row can paint).
    build: { assetsInlineLimit: 0, minify: true },
  },
})
