// Duplicate detection over a 50k-paper generated library through the LibraryApi. Target: 5 s or
// less. PAPERSHELF_BENCH_DUPLICATES_SIZE to change.
import { createClient } from '@shared/rpc/create-client'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { openGeneratedLibrary } from './curation-library'

const SIZE = Number(process.env.PAPERSHELF_BENCH_DUPLICATES_SIZE ?? 50_000)

export async function run(): Promise<void> {
  const { core, cleanup } = await openGeneratedLibrary(SIZE)
  try {
    const api = createClient(inProcessTransport(core))
    for (const label of ['first run', 'second run']) {
      const start = performance.now()
      const pairs = await api.listDuplicates({})
      const seconds = (performance.now() - start) / 1000
      console.log(
        `${label.padEnd(12)} ${SIZE} papers: ${pairs.length} candidate pairs in ${seconds.toFixed(2)} s`,
      )
    }
  } finally {
    cleanup()
  }
}
