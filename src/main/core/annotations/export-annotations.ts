import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/api/errors'
import type { AnnotationExport, AnnotationExportFile } from '@shared/model/annotation'
import type { PaperId } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import { getPaperDetail } from '../db/papers-repo'
import { writeFileAtomic } from '../fs/write-atomic'
import { currentFile } from '../pdf/pdf-files-repo'
import { pdfFilePath } from '../pdf/pdf-paths'
import { selectPapers } from '../pdf/pdf-service'
import { annotationImage, listAnnotationsOf, listColorLabels } from './annotations-repo'
import { annotationsMarkdown, fileStem } from './annotations-markdown'
import { reanchorPaper } from './reanchor'

/** Which papers to export: ids, a tag or a user list. */
export type AnnotationSelection = {
  ids?: ReadonlyArray<number> | undefined
  tag?: string | undefined
  listId?: number | undefined
}

/** The papers a selection names (the one place a view's papers are looked up for exports). */
export function selectedPapers(db: WritableDb, selection: AnnotationSelection): PaperId[] {
  return selectPapers(db, selection)
}

/**
 * Exports the annotations of the selected papers as one Markdown file per paper. With `to`, the
 * files are written there atomically, area pictures as PNG files next to the Markdown and, with
 * `pdf`, a copy of each stored PDF with the annotations in it; without, pictures are inlined.
 */
export async function exportAnnotations(
  deps: { db: WritableDb; dataDir: string; now: () => Date },
  request: AnnotationSelection & { to?: string | undefined; pdf: boolean },
): Promise<AnnotationExport> {
  const { db } = deps
  const ids = selectedPapers(db, request)
  if (ids.length === 0) throw new AppError('not-found', 'No papers match what was named.')
  for (const id of ids) reanchorPaper(db, id, deps.now().toISOString())
  const colors = listColorLabels(db)
  const byPaper = listAnnotationsOf(db, ids)
  const folder = request.to === undefined ? null : resolve(request.to)
  if (folder) await mkdir(folder, { recursive: true })
  const files: AnnotationExportFile[] = []
  const skipped: PaperId[] = []
  for (const id of ids) {
    const annotations = byPaper.get(id) ?? []
    const paper = getPaperDetail(db, id)
    if (annotations.length === 0 || !paper) {
      skipped.push(id)
      continue
    }
    const stem = fileStem(paper)
    const written: string[] = []
    const pictures: Array<{ name: string; data: string }> = []
    const markdown = annotationsMarkdown(paper, annotations, colors, (a) => {
      const data = annotationImage(db, a.id)
      if (data === null) return null
      if (!folder) return `data:image/png;base64,${data}`
      const name = `${stem}-area-${a.id}.png`
      pictures.push({ name, data })
      return name
    })
    const name = `${stem}.md`
    if (folder) {
      for (const picture of pictures) {
        const path = join(folder, picture.name)
        await writeFileAtomic(path, Buffer.from(picture.data, 'base64'))
        written.push(path)
      }
      const file = currentFile(db, id)
      if (request.pdf && file) {
        const path = join(folder, `${stem}-annotated.pdf`)
        // pdf-lib is loaded only here: at start-up it was a third of every command's load time.
        const { writeAnnotatedPdf } = await import('./annotated-pdf')
        await writeAnnotatedPdf(pdfFilePath(deps.dataDir, file.sha256), path, annotations)
        written.push(path)
      }
      const path = join(folder, name)
      await writeFileAtomic(path, markdown)
      written.push(path)
    }
    files.push({ paperId: id, name, markdown, annotations: annotations.length, written })
  }
  return { files, skipped }
}
