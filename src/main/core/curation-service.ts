import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import type { Paper } from '@shared/model/paper'
import { getPaperDetail, getPaperRows, hydratePapers } from './db/papers-repo'
import { editMetadata, revertMetadata } from './db/paper-edits-repo'
import {
  addAutoExport,
  listAutoExports,
  removeAutoExport,
  runAutoExports,
} from './curation/auto-exports'
import { findDuplicates } from './curation/find-duplicates'
import { mergePaper, unmergePaper } from './curation/merge-papers'
import { keyPattern, setCitationKey, setKeyPattern } from './curation/citation-keys'
import { toCslItem } from './curation/csl-items'
import { exportPapers, scopeRecords } from './curation/export-papers'
import { loadFormatWriters } from './curation/load-format-writers'
import type { ServiceDeps } from './library-service'
import type { VisitState } from './visit-state'
import { noSuchPaper } from './db/require-paper'

type CurationMethods =
  | 'exportPapers'
  | 'citePapers'
  | 'setCitationKey'
  | 'setCitationKeyPattern'
  | 'listDuplicates'
  | 'mergePapers'
  | 'unmergePaper'
  | 'editPaperMetadata'
  | 'revertPaperMetadata'
  | 'addAutoExport'
  | 'listAutoExports'
  | 'removeAutoExport'
  | 'runAutoExports'

/** Papers leaving the library: exports in reference formats, citations and citation keys. */
export function createCurationService(
  deps: ServiceDeps,
  visits: VisitState,
): Pick<LibraryService, CurationMethods> {
  const { db, events } = deps
  const context = { newCutoff: visits.newCutoff }
  /** Runs one metadata change in a transaction, tells every door, and returns the paper as it now is. */
  const changeMetadata = (id: PaperId, change: (now: string) => void) => {
    db.transaction(() => change(deps.now().toISOString())).immediate()
    events.emit('library.changed', { reason: 'metadata', paperIds: [id] })
    const paper = getPaperDetail(db, id)
    if (!paper) throw noSuchPaper(id)
    return paper
  }
  const stamp = () => deps.now().toISOString()
  return {
    addAutoExport: async (request) => {
      const kept = addAutoExport(db, request, context, stamp(), await loadFormatWriters())
      events.emit('autoExports.changed', { reason: 'added' })
      return kept
    },
    listAutoExports: () => listAutoExports(db),
    removeAutoExport: ({ id }) => {
      const removed = removeAutoExport(db, id)
      events.emit('autoExports.changed', { reason: 'removed' })
      return { removed }
    },
    runAutoExports: async ({ id }) => {
      const before = new Map(listAutoExports(db).map((kept) => [kept.id, kept.error]))
      if (id !== undefined && !before.has(id)) {
        throw new AppError('not-found', `There is no auto-export ${id}.`)
      }
      // Every edit command asks; without auto-exports the writers need not load.
      if (before.size === 0) return []
      const runs = runAutoExports(db, context, stamp(), await loadFormatWriters(), id)
      // Most passes (one per burst of edits) find every file unchanged: nothing to tell.
      if (runs.some((run) => run.written || run.error !== before.get(run.id))) {
        events.emit('autoExports.changed', { reason: 'written' })
      }
      return runs
    },
    editPaperMetadata: ({ id, fields }) =>
      changeMetadata(id, (now) => editMetadata(db, id, fields, now)),
    revertPaperMetadata: ({ id, fields }) =>
      changeMetadata(id, (now) => revertMetadata(db, id, fields, now)),
    exportPapers: async (request) => exportPapers(db, request, context, await loadFormatWriters()),
    citePapers: async ({ ids, style }) => {
      const writers = await loadFormatWriters()
      const records = scopeRecords(db, { kind: 'papers', ids }, context)
      const items = records.map((record) => ({
        paperId: record.id,
        item: toCslItem(record, { keywords: false, abstracts: false }),
      }))
      return writers.citeItems(items, style)
    },
    setCitationKey: ({ id, key }) => {
      const stored = setCitationKey(db, id, key)
      events.emit('library.changed', { reason: 'metadata', paperIds: [id] })
      return { key: stored }
    },
    listDuplicates: () => {
      const pairs = findDuplicates(db)
      const papers = new Map(
        hydratePapers(db, getPaperRows(db, [...new Set(pairs.flatMap((p) => [p.a, p.b]))])).map(
          (p) => [p.id, p],
        ),
      )
      return pairs.flatMap(({ a, b, reason, similarity }) => {
        const left = papers.get(a)
        const right = papers.get(b)
        return left && right
          ? [{ reason, similarity, papers: [left, right] as [Paper, Paper] }]
          : []
      })
    },
    mergePapers: ({ keep, merge }) => {
      const mergedIds = [...new Set(merge)].filter((id) => id !== keep)
      if (mergedIds.length === 0) {
        throw new AppError('invalid-input', 'Name at least one other paper to merge.')
      }
      db.transaction(() => {
        for (const id of mergedIds) mergePaper(db, keep, id, deps.now().toISOString())
      }).immediate()
      events.emit('library.changed', { reason: 'merge', paperIds: [keep, ...mergedIds] })
      return { survivorId: keep, mergedIds }
    },
    unmergePaper: ({ mergedId }) => {
      const { survivorId } = db.transaction(() => unmergePaper(db, mergedId)).immediate()
      events.emit('library.changed', {
        reason: 'merge',
        paperIds: [survivorId, mergedId],
      })
      return { survivorId, mergedIds: [mergedId] }
    },
    setCitationKeyPattern: ({ pattern }) => {
      setKeyPattern(db, pattern)
      return { pattern: keyPattern(db) }
    },
  }
}
