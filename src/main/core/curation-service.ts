import type { LibraryService } from '@shared/api/library-api'
import { citeItems } from './curation/cite'
import { keyPattern, setCitationKey, setKeyPattern } from './curation/citation-keys'
import { toCslItem } from './curation/csl-items'
import { exportPapers, scopeRecords } from './curation/export-papers'
import type { ServiceDeps } from './library-service'
import { newSinceForSearch } from './visit-state'

type CurationMethods = 'exportPapers' | 'citePapers' | 'setCitationKey' | 'setCitationKeyPattern'

/** Papers leaving the library: exports in reference formats, citations and citation keys. */
export function createCurationService(deps: ServiceDeps): Pick<LibraryService, CurationMethods> {
  const { db, events } = deps
  const context = { newSince: newSinceForSearch(deps.dataDir, deps.now) }
  return {
    exportPapers: (request) => exportPapers(db, request, context),
    citePapers: ({ ids, style }) => {
      const records = scopeRecords(db, { kind: 'papers', ids }, context)
      const items = records.map((record) => ({
        paperId: record.id,
        item: toCslItem(record, { keywords: false, abstracts: false }),
      }))
      return citeItems(items, style)
    },
    setCitationKey: ({ id, key }) => {
      const stored = setCitationKey(db, id, key)
      events.emit('library.changed', { reason: 'metadata', paperIds: [id] })
      return { key: stored }
    },
    setCitationKeyPattern: ({ pattern }) => {
      setKeyPattern(db, pattern)
      return { pattern: keyPattern(db) }
    },
  }
}
