import { ANNOTATION_COLORS, DEFAULT_COLOR_LABELS } from '@shared/model/annotation'
import type {
  AnchorState,
  Annotation,
  AnnotationColor,
  AnnotationKind,
  ColorLabel,
  PdfRect,
} from '@shared/model/annotation'
import type { PaperId } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'

type AnnotationRow = {
  id: number
  paper_id: number
  kind: AnnotationKind
  color: AnnotationColor
  page: number
  rects: string
  quote: string | null
  comment: string | null
  anchor: AnchorState
  has_image: number
  created_at: string
  updated_at: string
}

const COLUMNS = `id, paper_id, kind, color, page, rects, quote, comment, anchor,
  image IS NOT NULL AS has_image, created_at, updated_at`
/** Page order: by page, then top of the page first (PDF y grows upwards), then as made. */
const PAGE_ORDER = `page, json_extract(rects, '$[0][3]') DESC, json_extract(rects, '$[0][0]'), id`

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    paperId: row.paper_id as PaperId,
    kind: row.kind,
    color: row.color,
    page: row.page,
    rects: JSON.parse(row.rects) as PdfRect[],
    quote: row.quote,
    comment: row.comment,
    anchor: row.anchor,
    hasImage: row.has_image === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** A paper's annotations in page order. */
export function listPaperAnnotations(db: WritableDb, paperId: number): Annotation[] {
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM annotations WHERE paper_id = ? ORDER BY ${PAGE_ORDER}`,
  ).all(paperId) as AnnotationRow[]
  return rows.map(toAnnotation)
}

/** Annotations of many papers, by paper then page order (exports). */
export function listAnnotationsOf(
  db: WritableDb,
  paperIds: ReadonlyArray<number>,
): Map<number, Annotation[]> {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM annotations WHERE paper_id IN (SELECT value FROM json_each(?))
       ORDER BY paper_id, ${PAGE_ORDER}`,
    )
    .all(JSON.stringify(paperIds)) as AnnotationRow[]
  const byPaper = new Map<number, Annotation[]>()
  for (const row of rows) {
    const list = byPaper.get(row.paper_id) ?? []
    list.push(toAnnotation(row))
    byPaper.set(row.paper_id, list)
  }
  return byPaper
}

/** One annotation, or null. */
export function getAnnotation(db: WritableDb, id: number): Annotation | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM annotations WHERE id = ?`).get(id) as
    AnnotationRow | undefined
  return row ? toAnnotation(row) : null
}

/** The count and the newest few of a paper's annotations. */
export function annotationSummary(
  db: WritableDb,
  paperId: number,
  latest: number,
): { count: number; latest: Annotation[] } {
  const count = prepared(db, 'SELECT count(*) FROM annotations WHERE paper_id = ?')
    .pluck()
    .get(paperId) as number
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM annotations WHERE paper_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?`,
  ).all(paperId, latest) as AnnotationRow[]
  return { count, latest: rows.map(toAnnotation) }
}

/** What a new annotation holds. */
export type NewAnnotation = {
  paperId: number
  sha256: string | null
  kind: AnnotationKind
  color: AnnotationColor
  page: number
  rects: ReadonlyArray<PdfRect>
  quote: string | null
  prefix: string | null
  suffix: string | null
  comment: string | null
  image: string | null
}

/** Inserts an annotation; returns its id. */
export function insertAnnotation(db: WritableDb, value: NewAnnotation, now: string): number {
  const result = prepared(
    db,
    `INSERT INTO annotations
       (paper_id, sha256, kind, color, page, rects, quote, prefix, suffix, comment, image, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    value.paperId,
    value.sha256,
    value.kind,
    value.color,
    value.page,
    JSON.stringify(value.rects),
    value.quote,
    value.prefix,
    value.suffix,
    value.comment,
    value.image,
    now,
    now,
  )
  return Number(result.lastInsertRowid)
}

/** Changes colour, comment or rectangles; returns the rows changed. */
export function updateAnnotation(
  db: WritableDb,
  id: number,
  change: { color?: AnnotationColor; comment?: string | null; rects?: ReadonlyArray<PdfRect> },
  now: string,
): number {
  const values: Record<string, unknown> = {}
  if (change.color !== undefined) values['color'] = change.color
  if (change.comment !== undefined) values['comment'] = change.comment
  if (change.rects !== undefined) values['rects'] = JSON.stringify(change.rects)
  const sets = Object.keys(values).map((column) => `${column} = ?`)
  const params = Object.values(values)
  if (sets.length === 0) return 0
  return db
    .prepare(`UPDATE annotations SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`)
    .run(...params, now, id).changes
}

/** Deletes an annotation; returns the rows deleted. */
export function deleteAnnotation(db: WritableDb, id: number): number {
  return prepared(db, 'DELETE FROM annotations WHERE id = ?').run(id).changes
}

/** The paper an annotation belongs to, or null. */
export function annotationPaper(db: WritableDb, id: number): PaperId | null {
  const paperId = prepared(db, 'SELECT paper_id FROM annotations WHERE id = ?').pluck().get(id)
  return (paperId as PaperId | undefined) ?? null
}

/** The colours with their meanings, in the fixed order. */
export function listColorLabels(db: WritableDb): ColorLabel[] {
  const renamed = new Map(
    (db.prepare('SELECT color, label FROM annotation_colors').all() as ColorLabel[]).map((c) => [
      c.color,
      c.label,
    ]),
  )
  return ANNOTATION_COLORS.map((color) => ({
    color,
    label: renamed.get(color) ?? DEFAULT_COLOR_LABELS[color],
  }))
}

/** Names what a colour means. */
export function renameColor(db: WritableDb, color: AnnotationColor, label: string): void {
  db.prepare(
    `INSERT INTO annotation_colors (color, label) VALUES (?, ?)
     ON CONFLICT (color) DO UPDATE SET label = excluded.label`,
  ).run(color, label)
}

/** The cropped picture of an area highlight (base64 PNG), or null. */
export function annotationImage(db: WritableDb, id: number): string | null {
  return (prepared(db, 'SELECT image FROM annotations WHERE id = ?').pluck().get(id) ?? null) as
    string | null
}
