// Learned topics behind the LibraryApi: suggestions, related papers, "Not interested", auto-tagging.
// The model lives in the topics thread; this side decides when it retrains (a moment after edits,
// in the background, and before answering when it is more than a few edits old) and writes what a
// training produced (the "For you" scores, auto-applied tags) in the library's one writer.
import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import { getPaperRows, type PaperRow } from '../db/papers-repo'
import { reindexPapers } from '../db/papers-index'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import {
  applyAutoTags,
  autoTagThreshold,
  scopePaperIds,
  setAutoTagThreshold,
  setNotInterested,
  writeForYouScores,
} from './topics-repo'
import type { TopicsThread } from './topics-thread'
import { noSuchPaper, requirePaper } from '../db/require-paper'

/** A model this many edits old answers anyway (a retraining is on its way); older, it retrains first. */
const STALE_EDITS = 3
/** Edits that come together (tagging a selection, a sync) make one retraining, this long after the last. */
const RETRAIN_DELAY_MS = 1_500
/** The most papers one `suggestTags` call with a scope covers. */
const SCOPE_LIMIT = 1_000
/** The event reason of a "For you" refresh: a change the model made, not one it learns from. */
export const FOR_YOU_REASON = 'for-you'

export type TopicsDeps = {
  db: WritableDb
  events: EventHub
  now: () => Date
  topics: TopicsThread
  /** Retrain a moment after each edit (the app, `serve`); off, the model trains when asked. */
  background: boolean
}

type TopicsMethods = Pick<
  LibraryService,
  'suggestTags' | 'relatedPapers' | 'setNotInterested' | 'autoTagPreview' | 'setAutoTag'
>

/** The topics methods, and `ready()`: resolves once the "For you" scores are no more than a few edits old. */
export function createTopicsService(
  deps: TopicsDeps,
): TopicsMethods & { ready: () => Promise<void> } {
  const { db, events, topics } = deps
  const stamp = () => deps.now().toISOString()
  // edits since the last training began; a fresh process has not trained yet
  let edits = Number.POSITIVE_INFINITY
  let running: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null

  const trainOnce = async () => {
    edits = 0
    const result = await topics.train()
    await writeForYouScores(db, result.forYou)
    events.emit('library.changed', { reason: FOR_YOU_REASON, paperIds: [] })
    if (result.autoApply.length > 0) {
      const changed = db
        .transaction(() => {
          const ids = applyAutoTags(db, result.autoApply, stamp())
          if (ids.length > 0) reindexPapers(db, ids)
          return ids
        })
        .immediate()
      if (changed.length > 0) events.emit('library.changed', { reason: 'tags', paperIds: changed })
    }
  }
  /** Trains until no edit arrived during the last training (one training at a time). */
  const fresh = async (): Promise<void> => {
    while (running !== null || edits > 0) {
      if (running === null) running = trainOnce().finally(() => (running = null))
      await running
      if (edits <= 0) return
    }
  }
  /** Answers from the current model unless it is too old or has not seen these papers. */
  const upToDate = async (ids: ReadonlyArray<number>) => {
    if (edits > STALE_EDITS || !(await topics.knows(ids))) await fresh()
  }

  events.subscribe((event) => {
    if (event.type !== 'library.changed' || event.payload.reason === FOR_YOU_REASON) return
    edits += 1
    if (!deps.background) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      fresh().catch((error: unknown) => {
        // A library closing while it trains is not a failure worth telling.
        if (error instanceof AppError && error.code === 'cancelled') return
        console.error('papershelf: retraining the topic model failed:', error)
      })
    }, RETRAIN_DELAY_MS)
    timer.unref()
  })

  return {
    ready: () => (edits > STALE_EDITS ? fresh() : Promise.resolve()),
    suggestTags: async (input) => {
      const ids = input.ids ?? scopePaperIds(db, input.scope ?? 'untagged', SCOPE_LIMIT)
      const rows = getPaperRows(db, ids)
      if (input.ids && rows.length < input.ids.length) {
        const known = new Set(rows.map((row) => row.id))
        throw noSuchPaper(input.ids.find((id) => !known.has(id)) ?? 0)
      }
      const paperIds = rows.map((row) => row.id)
      if (edits > STALE_EDITS) await fresh()
      // one round trip to the topics thread when it knows the papers (null: one it has not seen)
      let suggestions = await topics.suggest(paperIds, input.limit)
      if (suggestions.some((s) => s === null)) {
        await fresh()
        suggestions = await topics.suggest(paperIds, input.limit)
      }
      return rows.map((row, i) => ({
        id: row.id,
        arxivId: row.arxiv_id,
        title: row.title,
        suggestions: suggestions[i] ?? [],
      }))
    },
    relatedPapers: async ({ id, limit }) => {
      requirePaper(db, id)
      await upToDate([id])
      const hits = (await topics.related(id, limit)) ?? []
      const rows = new Map(
        getPaperRows(
          db,
          hits.map((hit) => hit.id),
        ).map((row): [number, PaperRow] => [row.id, row]),
      )
      return hits.flatMap((hit) => {
        const row = rows.get(hit.id)
        if (!row) return []
        return [
          {
            id: row.id,
            arxivId: row.arxiv_id,
            title: row.title,
            status: row.status,
            similarity: hit.similarity,
            sharedTopics: hit.sharedTopics,
            inInbox: row.triage === 'inbox',
          },
        ]
      })
    },
    setNotInterested: ({ ids, notInterested }) => {
      const changed = db
        .transaction(() => setNotInterested(db, ids, notInterested, stamp()))
        .immediate()
      if (changed > 0) events.emit('library.changed', { reason: 'interest', paperIds: ids })
      return { changed }
    },
    autoTagPreview: async ({ tag }) => {
      await fresh()
      return { tag, threshold: autoTagThreshold(db, tag), points: await topics.preview(tag) }
    },
    setAutoTag: async ({ tag, threshold }) => {
      db.transaction(() => setAutoTagThreshold(db, tag, threshold, stamp())).immediate()
      events.emit('library.changed', { reason: 'auto-tag', paperIds: [] })
      // a new rule applies at once: the training it needs runs now
      if (threshold !== null) await fresh()
      return { tag, threshold }
    },
  }
}
