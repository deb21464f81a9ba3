// A worker thread for the worker client's tests: holds its thread for `ms` (as a stuck parser
// would), then answers with `value`, or fails with `fail`; with `growMb` it first keeps that many
// megabytes, one at a time (as a parser filling its heap would); with `background` it lowers its
// thread's priority as the topics thread does and answers with the niceness it then has.
import { getPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { lowerThisThreadPriority } from '../../src/main/core/workers/thread-priority'
import { toWorkerFailure, type WorkerResponse } from '../../src/main/core/workers/worker-client'

/** What the sleepy worker is asked. */
export type SleepyRequest = {
  ms: number
  value?: string
  fail?: string
  growMb?: number
  background?: boolean
}

const kept: number[][] = []

parentPort?.on('message', (request: SleepyRequest & { id: number }) => void answer(request))

async function answer(request: SleepyRequest & { id: number }): Promise<void> {
  if (request.background) {
    lowerThisThreadPriority()
    parentPort?.postMessage({
      id: request.id,
      ok: true,
      value: getPriority(0),
    } satisfies WorkerResponse)
    return
  }
  for (let mb = 0; mb < (request.growMb ?? 0); mb += 1) {
    kept.push(Array.from({ length: 2 ** 17 }, (_, i) => i + mb))
    await new Promise((resolve) => setImmediate(resolve))
  }
  const until = Date.now() + request.ms
  while (Date.now() < until) {
    // busy: the thread cannot answer anything else meanwhile
  }
  const response: WorkerResponse = request.fail
    ? { id: request.id, ok: false, failure: toWorkerFailure(new Error(request.fail)) }
    : { id: request.id, ok: true, value: request.value ?? null }
  parentPort?.postMessage(response)
}
