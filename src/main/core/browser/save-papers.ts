import type { PaperPlace, SavedPaper } from '@shared/api/browser-api'
import type { ApiParsedInput } from '@shared/api/inputs'
import type { LibraryService } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import type { PagePaper } from '@shared/pages/page-paper'
import type { WritableDb } from '../db/open-database'
import { addToList, getList } from '../db/lists-repo'
import type { EventHub } from '../event-hub'
import { writeImport, type BatchTuning } from '../import/write-import'
import { pagePaperDraft } from '../sources/page-paper-draft'
import type { PaperDraft } from '../sources/paper-draft'
import { createPaperFinder } from '../sync/find-existing-paper'
import { METADATA_RANK } from '../sync/metadata-rank'
import { paperPlaces } from './paper-place'

/** Every page save is one source, so provenance says "from the browser". */
const BROWSER_SOURCE = { kind: 'browser', key: 'browser', name: 'Saved from the browser' }

type SaveDeps = {
  db: WritableDb
  events: EventHub
  now: () => Date
  importBatches?: BatchTuning | undefined
  downloadPdfs: LibraryService['downloadPdfs']
}

/** The library paper each draft is by the identity rules, or null. */
function existing(db: WritableDb, drafts: ReadonlyArray<PaperDraft>): Array<PaperId | null> {
  const finder = createPaperFinder(db, drafts)
  return drafts.map((draft) => finder.find(draft))
}

/** Where page papers already are in the library. */
export function lookupPagePapers(
  db: WritableDb,
  papers: ReadonlyArray<PagePaper>,
): Array<PaperPlace | null> {
  const ids = existing(
    db,
    papers.map((paper, index) => pagePaperDraft(paper, index + 1)),
  )
  const places = paperPlaces(
    db,
    ids.filter((id): id is PaperId => id !== null),
  )
  return ids.map((id) => (id === null ? null : (places.get(id) ?? null)))
}

/**
 * Saves page papers as an import of the browser source (all or nothing, same identity and merge
 * rules as every source), then adds them to the list and queues their PDFs for the app to fetch.
 * A paper the library has already is refreshed, never duplicated.
 */
export async function savePagePapers(
  deps: SaveDeps,
  input: Omit<ApiParsedInput<'savePapers'>, 'papers'> & { papers: ReadonlyArray<PagePaper> },
): Promise<SavedPaper[]> {
  const { db } = deps
  if (input.listId !== undefined) getList(db, input.listId)
  const drafts = input.papers.map((paper, index) => pagePaperDraft(paper, index + 1))
  const before = existing(db, drafts)
  const now = deps.now().toISOString()
  await writeImport(db, drafts, {
    source: BROWSER_SOURCE,
    metadataRank: METADATA_RANK['web-page'],
    tags: input.tags,
    now,
    sourceName: BROWSER_SOURCE.name,
    events: deps.events,
    clock: deps.now,
    tuning: deps.importBatches,
  })
  const after = existing(db, drafts)
  const ids = [...new Set(after.filter((id): id is PaperId => id !== null))]
  if (input.listId !== undefined && ids.length > 0) {
    const listId = input.listId
    db.transaction(() => addToList(db, listId, ids, now)).immediate()
  }
  if (ids.length > 0) deps.events.emit('library.changed', { reason: 'import', paperIds: ids })
  const queued = new Set<number>(
    input.downloadPdf && ids.length > 0
      ? (await deps.downloadPdfs({ ids, wait: false })).queued
      : [],
  )
  const places = paperPlaces(db, ids)
  return after.flatMap((id, index) => {
    const place = id === null ? undefined : places.get(id)
    if (!place) return []
    return [{ ...place, added: before[index] === null, pdfQueued: queued.has(place.paperId) }]
  })
}
