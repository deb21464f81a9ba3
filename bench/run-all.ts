// Runs every benchmark in this folder (`*.bench.ts`, each exporting `run()`), or only those whose
// file name contains one of the command-line words: `npm run bench -- search`.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** What a benchmark module exports. */
export type BenchModule = { run: () => Promise<void> }

const dir = fileURLToPath(new URL('.', import.meta.url))
const filters = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort()

for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.ts$/, '')} ==`)
  const bench = (await import(new URL(file, import.meta.url).href)) as BenchModule
  await bench.run()
}
