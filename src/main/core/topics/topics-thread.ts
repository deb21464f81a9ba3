import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { PrecisionPoint } from '@shared/api/topics-api'
import { paperIdSchema } from '@shared/model/ids'
import { createWorkerClient, reviveAppError } from '../workers/worker-client'
import type { RelatedHit } from './topics-engine'
import type { LearnedSuggestion } from './topic-index'
import type { TopicsWorkerRequest } from './topics-worker'

/** A training of a large library takes seconds, minutes on a loaded machine; a stuck one is ended and the next starts afresh. */
const TRAIN_TIMEOUT_MS = 15 * 60_000
const ANSWER_TIMEOUT_MS = 60_000

/**
 * What a training sends back (`TrainResult`), checked where it crosses into the main thread: the
 * papers it tags are written, so their ids arrive as paper ids.
 */
const trainedSchema = z.object({
  papers: z.number(),
  tags: z.number(),
  trainMs: z.number(),
  forYou: z.array(z.tuple([z.number().int(), z.number()])).nullable(),
  autoApply: z.array(z.object({ paperId: paperIdSchema, tag: z.string() })),
})
export type Trained = z.infer<typeof trainedSchema>

/** The topics thread as the main thread calls it. */
export type TopicsThread = {
  train(): Promise<Trained>
  suggest(ids: ReadonlyArray<number>, limit: number): Promise<Array<LearnedSuggestion[] | null>>
  related(id: number, limit: number): Promise<RelatedHit[] | null>
  preview(tag: string): Promise<PrecisionPoint[]>
  knows(ids: ReadonlyArray<number>): Promise<boolean>
  close(): Promise<void>
}

/** Starts (on first use) the thread that trains on and answers from the library at `file`. */
export function createTopicsThread(file: string, nativeBinding?: string): TopicsThread {
  const client = createWorkerClient<TopicsWorkerRequest>({
    name: 'topics-worker',
    sourceDir: dirname(fileURLToPath(import.meta.url)),
    label: 'topics thread',
    revive: reviveAppError,
  })
  return {
    train: async () =>
      trainedSchema.parse(
        await client.request<unknown>(
          { op: 'train', file, nativeBinding: nativeBinding ?? null },
          TRAIN_TIMEOUT_MS,
          'training',
        ),
      ),
    suggest: (ids, limit) =>
      client.request({ op: 'suggest', ids: [...ids], limit }, ANSWER_TIMEOUT_MS, 'suggestions'),
    related: (id, limit) =>
      client.request({ op: 'related', paperId: id, limit }, ANSWER_TIMEOUT_MS, 'related papers'),
    preview: (tag) =>
      client.request({ op: 'preview', tag }, TRAIN_TIMEOUT_MS, `the preview of ${tag}`),
    knows: (ids) => client.request({ op: 'knows', ids: [...ids] }, ANSWER_TIMEOUT_MS, 'the model'),
    close: () => client.close(),
  }
}
