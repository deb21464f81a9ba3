// Builds the browser extension into out/extension/ (load it unpacked, or zip it): the service
// worker, content script and popup bundled by esbuild (which ships with vite), with the shared
// page extraction compiled in, plus the manifest and the popup's page.
import { copyFile, mkdir, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'extension')
const out = join(root, 'out', 'extension')

await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })
await build({
  entryPoints: ['background', 'content', 'popup'].map((name) => join(source, 'src', `${name}.ts`)),
  outdir: out,
  bundle: true,
  // Classic scripts: a content script cannot be a module, and the same file serves as Chromium's
  // service worker and Firefox's background script.
  format: 'iife',
  target: ['chrome121', 'firefox121'],
  alias: { '@shared': join(root, 'src', 'shared') },
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
})
for (const file of ['manifest.json', 'popup.html', 'popup.css']) {
  await copyFile(join(source, file), join(out, file))
}
console.log(`extension built in ${out}`)
