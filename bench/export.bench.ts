// Exporting a 50k-paper library in every reference format through the LibraryApi (dispatch, as
// the app and CLI call it): entries per second, the first run (which assigns every citation key)
// apart from a later one. Target: BibTeX at 20k entries/s or more. PAPERSHELF_BENCH_EXPORT_SIZE to change.
// The machine may be shared: each line also gives the CPU time of the process and the load average.
import { loadavg } from 'node:os'
import { EXPORT_FORMATS } from '@shared/api/curation-api'
import { createClient } from '@shared/rpc/create-client'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { openGeneratedLibrary } from './curation-library'

const SIZE = Number(process.env.PAPERSHELF_BENCH_EXPORT_SIZE ?? 50_000)

export async function run(): Promise<void> {
  const seeding = performance.now()
  const { core, cleanup } = await openGeneratedLibrary(SIZE)
  console.log(
    `library: ${SIZE} generated papers (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`,
  )
  try {
    const api = createClient(inProcessTransport(core))
    const timed = async (format: (typeof EXPORT_FORMATS)[number], label: string) => {
      const start = performance.now()
      const cpu = process.cpuUsage()
      const result = await api.exportPapers({ scope: { kind: 'library' }, format })
      const seconds = (performance.now() - start) / 1000
      const used = process.cpuUsage(cpu)
      const cpuSeconds = (used.user + used.system) / 1e6
      const rate = Math.round(result.count / seconds)
      console.log(
        `${label.padEnd(26)} ${result.count} entries in ${seconds.toFixed(2)} s = ${rate} entries/s (CPU ${cpuSeconds.toFixed(2)} s = ${Math.round(result.count / cpuSeconds)}/s, load ${loadavg()[0]?.toFixed(1)}), ${(result.text.length / 1024 / 1024).toFixed(1)} MB`,
      )
    }
    await timed('bibtex', 'bibtex (keys assigned)')
    for (const format of EXPORT_FORMATS) await timed(format, format)
  } finally {
    cleanup()
  }
}
