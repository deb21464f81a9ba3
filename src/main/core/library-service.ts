import type { ImportReport, LibraryService } from '@shared/api/library-api'
import { schemaVersion } from './db/migrations'
import type { WritableDb } from './db/open-database'
import { countPapers, findPaperIdByRef, getPaperDetail, listPapers } from './db/papers-repo'
import { countPapersWhere } from './db/paper-rows-repo'
import { listTags } from './db/tags-repo'
import { viewConditions } from './db/view-filter'
import type { EventHub } from './event-hub'
import type { ParseThread } from './parse/parse-thread'
import type { RunningSyncs } from './sync/running-syncs'
import { applyImport, type ImportContext } from './import/apply-import'
import { importFile } from './import/import-file'
import type { BatchTuning } from './import/write-import'
import { createBackupService } from './backup/backup-service'
import type { LibraryHealth } from './backup/library-health'
import { checkpointWal } from './backup/wal-checkpoint'
import { libraryFolderWarning } from './fs/cloud-sync'
import { createLibraryUiService } from './library-ui-service'
import type { BaseUrls } from './net/base-urls'
import type { FetchFn } from './net/fetch-bytes'
import { createSearchService } from './search/search-service'
import { createSyncService } from './sync/sync-service'
import { createPdfService } from './pdf/pdf-service'
import { createAnnotationService } from './annotations/annotations-service'
import { createCurationService } from './curation-service'
import { survivorOf } from './curation/merge-papers'
import type { PdfRuntime } from './pdf/pdf-runtime'
import type { SyncTuning } from './sync/sync-tuning'
import { createTopicsService } from './topics/topics-service'
import { createVisitState } from './visit-state'
import { createUserEdits } from './user-edits'
import { tagWithKeywords } from './import/keywords-as-tags'
import type { TopicsThread } from './topics/topics-thread'
import { createBrowserService } from './browser/browser-service'
import { createTriageService } from './triage/triage-service'
import { noSuchPaper } from './db/require-paper'

/** What the service runs on. */
export type ServiceDeps = {
  db: WritableDb
  events: EventHub
  dataDir: string
  databasePath: string
  now: () => Date
  baseUrls: BaseUrls
  fetch: FetchFn
  /** Network sync knobs (arXiv politeness, retries); defaults from the environment. */
  sync?: Partial<SyncTuning> | undefined
  /** The PDF store, download queue and text indexer of this library. */
  pdf: PdfRuntime
  /**
   * Parse threads for imported files, for fetched pages and for streamed files (large inputs are
   * parsed off the thread that answers the UI; one per kind, so a long import never delays a sync).
   */
  parse: { files: ParseThread; pages: ParseThread; streams: ParseThread }
  /** The syncs in progress. */
  running: RunningSyncs
  /** Known damage of the library file. */
  health: LibraryHealth
  /** How imports are cut into transactions (tests shrink the batches). */
  importBatches?: BatchTuning | undefined
  /** The thread that learns topics from the library (tag suggestions, "For you", related papers). */
  topics: TopicsThread
  /** Retrain the topic model in the background after edits (long-running doors). */
  backgroundTraining: boolean
}

const withWarning = (warning: string | null) => (warning === null ? {} : { warning })

/** The LibraryApi implementation: inputs arrive validated by `dispatch`. */
export function createLibraryService(deps: ServiceDeps): LibraryService {
  const { db, events } = deps
  const importContext = (
    sourceName: string,
    tags: ReadonlyArray<string>,
    inbox: boolean | undefined,
  ): ImportContext => ({
    sourceName,
    tags,
    now: deps.now,
    events,
    tuning: deps.importBatches,
    arrival: inbox === true ? 'inbox' : 'library',
  })
  /** After an import: its keywords become tags when asked, its pages leave the WAL, and every door hears of its papers. */
  const imported = (report: ImportReport, keywordsAsTags: boolean): ImportReport => {
    if (keywordsAsTags) tagWithKeywords(db, report.paperIds, deps.now())
    checkpointWal(db)
    if (report.paperIds.length > 0) {
      events.emit('library.changed', { reason: 'import', paperIds: report.paperIds })
    }
    return report
  }

  const { ready: topicsReady, ...topics } = createTopicsService({
    db,
    events,
    now: deps.now,
    topics: deps.topics,
    background: deps.backgroundTraining,
  })
  // One visit state: what "new" means is the same for the list, counts, search and exports.
  const visits = createVisitState(deps.dataDir, deps.now)
  const ui = createLibraryUiService(deps, visits)
  const search = createSearchService(deps, visits)
  const pdfService = createPdfService(deps)

  return {
    libraryInfo: ({ check }) => {
      if (check) deps.health.ensureChecked()
      const damage = deps.health.damage()
      return {
        dataDir: deps.dataDir,
        databasePath: deps.databasePath,
        schemaVersion: schemaVersion(db),
        paperCount: countPapers(db),
        inboxCount: countPapersWhere(db, viewConditions({ view: 'inbox' })),
        ...withWarning(libraryFolderWarning(deps.dataDir)),
        ...(damage === null ? {} : { damage }),
      }
    },
    listPapers: async (query) => {
      if (query.sort === 'for-you') await topicsReady()
      return listPapers(db, query)
    },
    getPaper: ({ id }) => {
      const survivor = survivorOf(db, String(id))
      const paper =
        getPaperDetail(db, id) ?? (survivor === null ? null : getPaperDetail(db, survivor))
      if (!paper) throw noSuchPaper(id)
      return paper
    },
    findPaper: ({ ref }) => {
      // A paper merged into another keeps naming the one it lives on.
      const id = findPaperIdByRef(db, ref) ?? survivorOf(db, ref)
      return id === null ? null : getPaperDetail(db, id)
    },
    importText: async (input) => {
      const parsed = await deps.parse.files.run(
        'import',
        { ...input, now: deps.now().toISOString() },
        input.sourceName,
      )
      return imported(
        await applyImport(db, importContext(input.sourceName, input.tags, input.inbox), parsed),
        input.keywordsAsTags,
      )
    },
    importFile: async ({ path, format, tags, keywordsAsTags, inbox }) =>
      imported(
        await importFile(
          { db, parse: deps.parse.files, streams: deps.parse.streams },
          path,
          format,
          importContext(path, tags, inbox),
        ),
        keywordsAsTags,
      ),
    listTags: () => listTags(db),
    ...search,
    ...ui,
    ...createUserEdits(deps),
    listPaperRows: async (query) => {
      if (query.sort === 'for-you') await topicsReady()
      return ui.listPaperRows(query)
    },
    searchPaperRows: async (query) => {
      if (query.sort === 'for-you') await topicsReady()
      return search.searchPaperRows(query)
    },
    ...topics,
    ...createSyncService(deps),
    ...createBackupService(deps),
    ...pdfService,
    ...createAnnotationService(deps),
    ...createCurationService(deps, visits),
    ...createBrowserService({ ...deps, downloadPdfs: pdfService.downloadPdfs }),
    ...createTriageService(deps, visits),
  }
}
