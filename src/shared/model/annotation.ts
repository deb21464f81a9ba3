import { z } from 'zod'
import type { PaperId } from './ids'

/** What an annotation marks: selected text, a point of the page, or a rectangle (figure, equation). */
export const ANNOTATION_KINDS = ['highlight', 'note', 'area'] as const
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number]

/** The fixed colours; what each means is the user's (`annotation_colors` keeps the labels). */
export const ANNOTATION_COLORS = ['yellow', 'red', 'green', 'blue', 'purple'] as const
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number]
export const annotationColorSchema = z.enum(ANNOTATION_COLORS)

/** Paint of each colour (screen, Markdown legend and the annotated PDF copy share it). */
export const COLOR_HEX: Record<AnnotationColor, string> = {
  yellow: '#ffd43b',
  red: '#ff6b6b',
  green: '#51cf66',
  blue: '#4dabf7',
  purple: '#b197fc',
}

/** What each colour means until the user renames it. */
export const DEFAULT_COLOR_LABELS: Record<AnnotationColor, string> = {
  yellow: 'Important',
  red: 'Disagree',
  green: 'Agree',
  blue: 'Definition',
  purple: 'Question',
}

/** A colour with the meaning the user gave it. */
export type ColorLabel = { color: AnnotationColor; label: string }

/**
 * A rectangle in PDF user space (points, origin bottom left, unrotated page): `[x1, y1, x2, y2]`.
 * Stored this way so zoom, rotation and dark mode never move an annotation.
 */
export type PdfRect = [number, number, number, number]
const coordinate = z.number().finite().min(-100_000).max(100_000)
export const pdfRectSchema = z.tuple([coordinate, coordinate, coordinate, coordinate])

/**
 * Whether an annotation sits on the paper's current file: `placed` (made on it, or found again on
 * a new version by its text), `pending` (a new version whose text is not read yet), `unanchored`
 * (its text is not in the new version: kept with its old page, listed apart).
 */
export type AnchorState = 'placed' | 'pending' | 'unanchored'

/** One highlight, sticky note or area highlight of a paper. */
export type Annotation = {
  id: number
  paperId: PaperId
  kind: AnnotationKind
  color: AnnotationColor
  /** 1-based page. */
  page: number
  /** Empty when a re-anchored highlight waits for the reader to measure its text again. */
  rects: ReadonlyArray<PdfRect>
  /** The highlighted text (highlights), else null. */
  quote: string | null
  comment: string | null
  anchor: AnchorState
  /** True for an area highlight with its cropped picture. */
  hasImage: boolean
  createdAt: string
  updatedAt: string
}

/** A paper's annotations in page order, with the colours' meanings. */
export type PaperAnnotations = {
  paperId: PaperId
  annotations: ReadonlyArray<Annotation>
  colors: ReadonlyArray<ColorLabel>
}

/** How many annotations a paper has and the newest few (the detail pane). */
export type AnnotationSummary = { count: number; latest: ReadonlyArray<Annotation> }

/** One exported Markdown file and what was written beside it. */
export type AnnotationExportFile = {
  paperId: PaperId
  /** File name of the Markdown document (written under `to`, or suggested for a download). */
  name: string
  markdown: string
  annotations: number
  /** Paths written (Markdown, pictures, annotated PDF copy) when exported to a folder. */
  written: ReadonlyArray<string>
}

/** What an export produced. */
export type AnnotationExport = {
  files: ReadonlyArray<AnnotationExportFile>
  /** Papers named that have no annotations (no file is written for them). */
  skipped: ReadonlyArray<PaperId>
}
