import { readFile } from 'node:fs/promises'
import { PDFDocument, PDFName, PDFString, type PDFArray, type PDFPage } from 'pdf-lib'
import { COLOR_HEX, type Annotation } from '@shared/model/annotation'
import { writeFileAtomic } from '../fs/write-atomic'

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255]
}

/** The bounding box of rectangles, `[x1, y1, x2, y2]`. */
function bounds(rects: Annotation['rects']): [number, number, number, number] {
  const xs = rects.flatMap((r) => [r[0], r[2]])
  const ys = rects.flatMap((r) => [r[1], r[3]])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

/** The PDF annotation dictionary for one of ours (Highlight, Text note or Square). */
function annotationDict(doc: PDFDocument, page: PDFPage, a: Annotation) {
  const rect = bounds(a.rects)
  const common = {
    Type: 'Annot',
    Rect: rect,
    C: rgb(COLOR_HEX[a.color]),
    T: PDFString.of('Papershelf'),
    Contents: PDFString.of(a.comment ?? a.quote ?? ''),
    F: 4,
    P: page.ref,
  }
  if (a.kind === 'highlight') {
    // Quad points go top-left, top-right, bottom-left, bottom-right, per line.
    const quads = a.rects.flatMap((r) => [r[0], r[3], r[2], r[3], r[0], r[1], r[2], r[1]])
    return doc.context.obj({ ...common, Subtype: 'Highlight', QuadPoints: quads })
  }
  if (a.kind === 'note') {
    const [x, , , y] = rect
    return doc.context.obj({
      ...common,
      Subtype: 'Text',
      Name: 'Comment',
      Rect: [x, y - 20, x + 20, y],
    })
  }
  return doc.context.obj({ ...common, Subtype: 'Square', BS: { W: 2 } })
}

/**
 * Writes a copy of `source` with the annotations in it as standard PDF annotations (readable in
 * any PDF viewer), atomically to `target`. The stored file itself is never changed. Annotations
 * without a place on this file (unanchored, or not measured yet) are left out; returns how many
 * were written.
 */
export async function writeAnnotatedPdf(
  source: string,
  target: string,
  annotations: ReadonlyArray<Annotation>,
): Promise<number> {
  const doc = await PDFDocument.load(await readFile(source), { updateMetadata: false })
  const pages = doc.getPages()
  let written = 0
  for (const a of annotations) {
    const page = pages[a.page - 1]
    if (!page || a.rects.length === 0 || a.anchor !== 'placed') continue
    const ref = doc.context.register(annotationDict(doc, page, a))
    const existing = page.node.lookup(PDFName.of('Annots'))
    if (existing && 'push' in existing) (existing as PDFArray).push(ref)
    else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]))
    written += 1
  }
  await writeFileAtomic(target, await doc.save())
  return written
}
