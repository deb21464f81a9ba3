// The main thread while the topics thread trains on a large library: a real library file, the
// real thread, the event loop's delay sampled all along (what the UI would feel) and a paper
// asked through the API every 50 ms (what a click would wait).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import type { PaperId } from '@shared/model/ids'
import { createClient } from '@shared/rpc/create-client'
import { createCore } from '../src/main/core/create-core'
import { REINDEX_NOW_LIMIT } from '../src/main/core/db/papers-index'
import { inProcessTransport } from '../src/main/transport/in-process-transport'

type StallPaper = { title: string; abstract: string; authors: string[]; tags: string[] }

export type StallFigures = {
  papers: number
  /** The first training (a cold thread, every paper read and trained), wall and CPU seconds of the process. */
  trainS: number
  trainCpuS: number
  /** A training after a few edits (the thread keeps the last model and the papers' terms). */
  retrainS: number
  retrainCpuS: number
  /** The same measures over as long a time without training, for the machine's own noise. */
  idleMaxLagMs: number
  idleApiMaxMs: number
  maxLagMs: number
  p99LagMs: number
  /** Latency of the papers asked through the API while the thread trained. */
  apiMaxMs: number
  apiMedianMs: number
  apiCalls: number
  /** The longest garbage collection of the main thread while training (a stall the process's heap, not the topics thread, causes). */
  maxGcMs: number
  /** One paper's suggestions asked through the API from a trained model (the thread's round trip included), median of 20. */
  suggestMs: number
}

/** Imports the papers into a new library, tags them, then times trainings asked through the API. */
export async function measureTrainingStall(
  papers: ReadonlyArray<StallPaper>,
): Promise<StallFigures> {
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
    // selections a person makes (a larger one would leave search indexing to run in the
    // background on this thread, which this measure is not about)
    for (const [tag, ids] of byTag) {
      for (let k = 0; k < ids.length; k += REINDEX_NOW_LIMIT) {
        await api.tagPapers({ ids: ids.slice(k, k + REINDEX_NOW_LIMIT), tags: [tag] })
      }
    }
    const first = report.paperIds[0] as PaperId
    const watch = () => {
      const delay = monitorEventLoopDelay({ resolution: 5 })
      const latencies: number[] = []
      let maxGcMs = 0
      const gc = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) maxGcMs = Math.max(maxGcMs, entry.duration)
      })
      gc.observe({ entryTypes: ['gc'] })
      let on = true
      const probe = async () => {
        while (on) {
          const asked = performance.now()
          await api.getPaper({ id: first })
          latencies.push(performance.now() - asked)
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
      delay.enable()
      const probing = probe()
      return async () => {
        on = false
        await probing
        delay.disable()
        gc.disconnect()
        latencies.sort((a, b) => a - b)
        return { delay, latencies, maxGcMs }
      }
    }
    const timed = async (work: () => Promise<unknown>) => {
      const cpu = process.cpuUsage()
      const started = performance.now()
      await work()
      const { user, system } = process.cpuUsage(cpu)
      return { wallS: (performance.now() - started) / 1000, cpuS: (user + system) / 1e6 }
    }
    const stopTraining = watch()
    const cold = await timed(() => api.suggestTags({ ids: [first] }))
    // a few edits: more than the model may lag behind, so the next answer waits for a retraining
    for (let k = 1; k <= 4; k += 1) {
      await api.tagPapers({ ids: [report.paperIds[k * 11] as PaperId], tags: ['reading-group'] })
    }
    const warm = await timed(() => api.suggestTags({ ids: [first] }))
    const during = await stopTraining()
    const asks: number[] = []
    for (let k = 0; k < 20; k += 1) {
      const asked = performance.now()
      await api.suggestTags({ ids: [report.paperIds[k * 97] as PaperId] })
      asks.push(performance.now() - asked)
    }
    asks.sort((a, b) => a - b)
    const stopIdle = watch()
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(10_000, (cold.wallS + warm.wallS) * 1000)),
    )
    const idle = await stopIdle()
    return {
      papers: report.paperIds.length,
      trainS: cold.wallS,
      trainCpuS: cold.cpuS,
      retrainS: warm.wallS,
      retrainCpuS: warm.cpuS,
      idleMaxLagMs: idle.delay.max / 1e6,
      idleApiMaxMs: idle.latencies[idle.latencies.length - 1] ?? 0,
      maxLagMs: during.delay.max / 1e6,
      p99LagMs: during.delay.percentile(99) / 1e6,
      apiMaxMs: during.latencies[during.latencies.length - 1] ?? 0,
      apiMedianMs: during.latencies[Math.floor(during.latencies.length / 2)] ?? 0,
      apiCalls: during.latencies.length,
      maxGcMs: during.maxGcMs,
      suggestMs: asks[10] ?? 0,
    }
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
