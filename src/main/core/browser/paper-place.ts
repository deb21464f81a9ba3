import type { PaperPlace } from '@shared/api/browser-api'
import type { WritableDb } from '../db/open-database'
import { hydratePapers, getPaperRows } from '../db/papers-repo'
import { currentFile } from '../pdf/pdf-files-repo'

/** The address that opens a paper in the desktop app. */
export function openPaperUrl(id: number): string {
  return `papershelf://open?paper=${id}`
}

/** Where papers stand in the library: tags, status, lists, file. */
export function paperPlaces(db: WritableDb, ids: ReadonlyArray<number>): Map<number, PaperPlace> {
  const lists = db.prepare(
    'SELECT l.name FROM list_papers lp JOIN lists l ON l.id = lp.list_id WHERE lp.paper_id = ? ORDER BY l.name',
  )
  const places = new Map<number, PaperPlace>()
  for (const paper of hydratePapers(db, getPaperRows(db, ids))) {
    places.set(paper.id, {
      paperId: paper.id,
      title: paper.title,
      tags: paper.tags,
      status: paper.status,
      lists: lists.pluck().all(paper.id) as string[],
      hasPdf: currentFile(db, paper.id) !== null,
      openUrl: openPaperUrl(paper.id),
    })
  }
  return places
}
