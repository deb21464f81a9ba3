// The topics thread: reads the library on its own read-only connection, trains the tag models and
// the "For you" profile, and answers suggestions and related papers from what it trained, so the
// thread that answers the UI never computes a model. One request at a time, in order.
import Database from 'better-sqlite3'
import { parentPort } from 'node:worker_threads'
import { lowerThisThreadPriority } from '../workers/thread-priority'
import { toWorkerFailure, type WorkerResponse } from '../workers/worker-client'
import { readTopicCorpus } from './library-corpus'
import { createTopicsEngine } from './topics-engine'

/** A request to the topics thread (the client adds `id`, the request's: so papers are `paperId`). */
export type TopicsWorkerRequest =
  | { op: 'train'; file: string; nativeBinding: string | null }
  | { op: 'suggest'; ids: number[]; limit: number }
  | { op: 'related'; paperId: number; limit: number }
  | { op: 'preview'; tag: string }
  | { op: 'knows'; ids: number[] }

const engine = createTopicsEngine()

// Training takes seconds of CPU; on a 2-core machine it must not take them from the thread that
// answers the UI (measured: the main loop's longest stall during training fell to its idle level).
lowerThisThreadPriority()

function train(file: string, nativeBinding: string | null) {
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  })
  try {
    return engine.train(readTopicCorpus(db))
  } finally {
    db.close()
  }
}

function answer(request: TopicsWorkerRequest): unknown {
  switch (request.op) {
    case 'train':
      return train(request.file, request.nativeBinding)
    case 'suggest':
      return engine.suggest(request.ids, request.limit)
    case 'related':
      return engine.related(request.paperId, request.limit)
    case 'preview':
      return engine.preview(request.tag)
    case 'knows':
      return engine.knows(request.ids)
  }
}

const port = parentPort
if (port) {
  port.on('message', (request: TopicsWorkerRequest & { id: number }) => {
    try {
      port.postMessage({
        id: request.id,
        ok: true,
        value: answer(request),
      } satisfies WorkerResponse)
    } catch (error) {
      port.postMessage({
        id: request.id,
        ok: false,
        failure: toWorkerFailure(error),
      } satisfies WorkerResponse)
    }
  })
}
