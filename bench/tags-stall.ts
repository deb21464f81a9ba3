// The main thread while the topics thread trains on a large library: a real library file, the
// real thread, and the event loop's delay sampled all along (what the UI would feel).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { PaperId } from '@shared/model/ids'
import { createClient } from '@shared/rpc/create-client'
import { createCore } from '../src/main/core/create-core'
import { inProcessTransport } from '../src/main/transport/in-process-transport'

type StallPaper = { title: string; abstract: string; authors: string[]; tags: string[] }

export type StallFigures = { papers: number; trainS: number; maxLagMs: number; p99LagMs: number }

/** Imports the papers into a new library, tags them, then times a training from the API. */
export async function measureTrainingStall(papers: ReadonlyArray<StallPaper>): Promise<StallFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-tags-stall-'))
  const core = createCore({ dataDir: dir })
  try {
    const api = createClient(inProcessTransport(core))
    // repeated records get a title of their own, or the import would merge them
    const text = JSON.stringify(
      papers.map((paper, i) => ({
        id: `p${i}`,
        type: 'article',
        title: `${paper.title} (${i})`,
        abstract: paper.abstract,
        author: paper.authors.map((name) => ({ literal: name })),
      })),
    )
    const report = await api.importText({ text, format: 'csl-json', sourceName: 'bench.json' })
    const byTag = new Map<string, PaperId[]>()
    report.paperIds.forEach((id, i) => {
      for (const tag of papers[i]?.tags ?? []) byTag.set(tag, [...(byTag.get(tag) ?? []), id])
    })
    for (const [tag, ids] of byTag) await api.tagPapers({ ids, tags: [tag] })
    const first = report.paperIds[0] as PaperId
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const started = process.hrtime.bigint()
    await api.suggestTags({ ids: [first] })
    const trainS = Number(process.hrtime.bigint() - started) / 1e9
    delay.disable()
    return {
      papers: report.paperIds.length,
      trainS,
      maxLagMs: delay.max / 1e6,
      p99LagMs: delay.percentile(99) / 1e6,
    }
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
