// Builds the browser extension into out/extension/ (to load unpacked) and
// out/papershelf-extension-<version>.zip (to install or publish): the service worker, content
// script and popup bundled by esbuild (which ships with vite), with the shared page extraction
// compiled in, plus the manifest and the popup's page.
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { zipSync } from 'fflate'

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
// The same files, manifest at the root of the archive, as the stores and Firefox expect.
const files = {}
for (const name of (await readdir(out)).sort()) files[name] = await readFile(join(out, name))
const { version } = JSON.parse(files['manifest.json'].toString('utf8'))
const zip = join(root, 'out', `papershelf-extension-${version}.zip`)
// Fixed timestamps keep the archive identical from one build to the next.
await writeFile(`${zip}.tmp`, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }))
await rename(`${zip}.tmp`, zip)
console.log(`extension built in ${out} and ${zip}`)
