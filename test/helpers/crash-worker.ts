// A child process for the crash test (bundled by crash.test.ts): opens a library through the real core and imports batches
// of papers (from files or from a local HTTP server) with user edits in between, forever, until
// the parent kills it with SIGKILL. Each finished step is printed, so the parent can kill at any
// moment: while opening, parsing, writing or committing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@shared/rpc/create-client'
import { paperIdSchema } from '@shared/model/ids'
import { createCore } from '../../src/main/core/create-core'
import { fetchBytes } from '../../src/main/core/net/fetch-bytes'
import { inProcessTransport } from '../../src/main/transport/in-process-transport'

/** How the parent starts a worker (as JSON in argv[2]). */
export type CrashWorkerPlan = {
  dataDir: string
  /** `files`: read `<listDir>/batch-<n>.txt`; `server`: GET `<serverUrl>/batch-<n>.txt`. */
  from: { files: string } | { server: string }
  batches: number
  firstBatch: number
}

const plan = JSON.parse(process.argv[2] ?? '{}') as CrashWorkerPlan
const core = createCore({ dataDir: plan.dataDir })
const api = createClient(inProcessTransport(core))
process.stdout.write('ready\n')

const readBatch = async (n: number): Promise<{ text: string; name: string }> => {
  if ('files' in plan.from) {
    const name = join(plan.from.files, `batch-${n}.txt`)
    return { text: readFileSync(name, 'utf8'), name }
  }
  const url = `${plan.from.server}/batch-${n}.txt`
  const body = await fetchBytes(fetch, url, { maxBytes: 8 * 1024 * 1024, timeoutMs: 10_000 })
  return { text: body.bytes.toString('utf8'), name: url }
}

for (let step = 0; ; step += 1) {
  const n = (plan.firstBatch + step) % plan.batches
  const { text, name } = await readBatch(n)
  const report = await api.importText({ text, sourceName: name, tags: [`batch-${n}`] })
  process.stdout.write(`imported ${n} ${report.added} ${report.unchanged}\n`)
  const ids = report.paperIds.slice(0, 50)
  if (ids.length > 0) {
    await api.tagPapers({ ids, tags: ['edited-by-run'] })
    await api.setStatus({ ids: ids.slice(0, 10), status: 'reading' })
    const first = ids[0] ?? paperIdSchema.parse(1)
    await api.setNote({ id: first, note: `note written in step ${step}` })
    process.stdout.write(`edited ${n}\n`)
  }
}
