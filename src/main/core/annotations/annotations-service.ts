import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import { currentFile } from '../pdf/pdf-files-repo'
import {
  annotationPaper,
  annotationSummary,
  deleteAnnotation,
  getAnnotation,
  insertAnnotation,
  listColorLabels,
  listPaperAnnotations,
  renameColor,
  updateAnnotation,
} from './annotations-repo'
import { exportAnnotations } from './export-annotations'
import { reanchorPaper } from './reanchor'
import { requirePaper as requireLibraryPaper } from '../db/require-paper'

type AnnotationMethods =
  | 'listAnnotations'
  | 'annotationSummary'
  | 'addAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'renameAnnotationColor'
  | 'exportAnnotations'

/** What the annotation methods run on. */
export type AnnotationServiceDeps = {
  db: WritableDb
  events: EventHub
  dataDir: string
  now: () => Date
}

const blankToNull = (text: string | undefined): string | null =>
  text === undefined || text.trim() === '' ? null : text

/** The annotation part of the LibraryApi: highlights, notes and areas of the PDF reader, and their export. */
export function createAnnotationService(
  deps: AnnotationServiceDeps,
): Pick<LibraryService, AnnotationMethods> {
  const { db, events } = deps
  const stamp = () => deps.now().toISOString()
  const requirePaper = (id: number) => requireLibraryPaper(db, id)
  const paperOf = (id: number): PaperId => {
    const paperId = annotationPaper(db, id)
    if (paperId === null) throw new AppError('not-found', `There is no annotation ${id}.`)
    return paperId
  }
  const changed = (paperId: PaperId) =>
    events.emit('library.changed', { reason: 'annotations', paperIds: [paperId] })

  return {
    listAnnotations: ({ paperId }) => {
      requirePaper(paperId)
      // A new file version (re-download, attachment) moves the annotations made on the old one.
      if (reanchorPaper(db, paperId, stamp()) > 0) changed(paperId)
      return {
        paperId,
        annotations: listPaperAnnotations(db, paperId),
        colors: listColorLabels(db),
      }
    },
    annotationSummary: ({ paperId, latest }) => {
      requirePaper(paperId)
      return annotationSummary(db, paperId, latest)
    },
    addAnnotation: (input) => {
      requirePaper(input.paperId)
      const file = currentFile(db, input.paperId)
      const id = db
        .transaction(() =>
          insertAnnotation(
            db,
            {
              paperId: input.paperId,
              sha256: file?.sha256 ?? null,
              kind: input.kind,
              color: input.color,
              page: input.page,
              rects: input.rects,
              quote: input.kind === 'highlight' ? (input.quote ?? null) : null,
              prefix: input.prefix ?? null,
              suffix: input.suffix ?? null,
              comment: blankToNull(input.comment),
              image: input.kind === 'area' ? (input.image ?? null) : null,
            },
            stamp(),
          ),
        )
        .immediate()
      changed(input.paperId)
      const annotation = getAnnotation(db, id)
      if (!annotation) throw new AppError('internal', 'The annotation was not stored.')
      return annotation
    },
    updateAnnotation: ({ id, color, comment, rects }) => {
      const paperId = paperOf(id)
      db.transaction(() =>
        updateAnnotation(
          db,
          id,
          {
            ...(color === undefined ? {} : { color }),
            ...(comment === undefined ? {} : { comment: blankToNull(comment) }),
            ...(rects === undefined ? {} : { rects }),
          },
          stamp(),
        ),
      ).immediate()
      changed(paperId)
      const annotation = getAnnotation(db, id)
      if (!annotation) throw new AppError('not-found', `There is no annotation ${id}.`)
      return annotation
    },
    deleteAnnotation: ({ id }) => {
      const paperId = paperOf(id)
      const count = db.transaction(() => deleteAnnotation(db, id)).immediate()
      changed(paperId)
      return { changed: count }
    },
    renameAnnotationColor: ({ color, label }) => {
      db.transaction(() => renameColor(db, color, label)).immediate()
      events.emit('library.changed', { reason: 'annotations', paperIds: [] })
      return listColorLabels(db)
    },
    exportAnnotations: (input) => exportAnnotations(deps, input),
  }
}
