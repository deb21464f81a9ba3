import { z } from 'zod'
import { paperIdSchema, sourceIdSchema, type PaperId } from '../model/ids'
import type { Paper } from '../model/paper'
import { tagNameSchema } from '../model/tag-name'

/** Formats papers leave the library in (Papershelf's own JSON is `exportLibrary`). */
export const EXPORT_FORMATS = ['bibtex', 'biblatex', 'csl-json', 'ris', 'awesome'] as const
export const exportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof exportFormatSchema>

/** Citation styles `cite` formats with. */
export const CITE_STYLES = ['apa', 'vancouver', 'harvard1'] as const
/** Friendly names of the styles (`ieee` is numbered like Vancouver; `chicago` author-date like Harvard). */
export const CITE_STYLE_ALIASES: Readonly<Record<string, (typeof CITE_STYLES)[number]>> = {
  apa: 'apa',
  vancouver: 'vancouver',
  ieee: 'vancouver',
  harvard: 'harvard1',
  harvard1: 'harvard1',
  chicago: 'harvard1',
}
export const citeStyleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((style) => Object.hasOwn(CITE_STYLE_ALIASES, style), {
    message: `a citation style is one of ${Object.keys(CITE_STYLE_ALIASES).join(', ')}`,
  })

const tagName = tagNameSchema
const paperIds = z.array(paperIdSchema).min(1).max(1_000_000)

/** Which papers an export or citation takes. */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('library') }),
  z.strictObject({ kind: z.literal('papers'), ids: paperIds }),
  z.strictObject({ kind: z.literal('tag'), tag: tagName }),
  z.strictObject({ kind: z.literal('list'), listId: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('savedSearch'), id: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('source'), sourceId: sourceIdSchema }),
])
export type ExportScope = z.infer<typeof exportScopeSchema>

/** What an export adds beyond the bibliographic record. */
export const exportOptionsSchema = z.strictObject({
  /** Tags as keywords (BibTeX `keywords`, CSL `keyword`, RIS `KW`). */
  keywords: z.boolean().default(false),
  abstracts: z.boolean().default(false),
})

/**
 * A citation-key pattern: literal text and the fields `[auth]` (first author's family name),
 * `[year]`, `[shorttitle]` (first significant title word), `[title3]` (three of them).
 */
export const DEFAULT_KEY_PATTERN = '[auth][year][shorttitle]'
const keyPattern = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(
    (p) => /\[(auth|year|shorttitle|title3)\]/.test(p),
    'a key pattern needs a field such as [auth]',
  )
/** A citation key: what LaTeX accepts in `\cite{…}` without escaping. */
export const citationKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_:.+/-]{1,100}$/, 'a citation key is 1–100 letters, digits or _ : . + / -')

/** The exported text and what to call its file. */
export type ExportResult = {
  format: ExportFormat
  count: number
  text: string
  /** The usual file name ending, with the dot (`.bib`). */
  extension: string
  mediaType: string
}

/** One formatted citation. */
export type Citation = { paperId: number; key: string; text: string }

/** Two papers that look like one work, with why and how alike their titles are (0–1). */
export type DuplicateCandidate = {
  reason: 'arxiv-doi' | 'same-title' | 'similar-title'
  similarity: number
  papers: [Paper, Paper]
}

/** What a merge did; `unmergePaper` with each merged id splits it again. */
export type MergeResult = { survivorId: PaperId; mergedIds: ReadonlyArray<PaperId> }

/** Metadata the user may correct in the detail pane; an edit outlives later syncs. */
export const EDITABLE_FIELDS = [
  'title',
  'authors',
  'publishedAt',
  'venue',
  'doi',
  'arxivId',
  'abstract',
] as const
export const editableFieldSchema = z.enum(EDITABLE_FIELDS)
export type EditableField = z.infer<typeof editableFieldSchema>

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((text) => (text === '' ? null : text))
    .optional()

/** New values of some editable fields; null (or empty) clears one. */
export const metadataEditSchema = z.strictObject({
  title: z.string().trim().min(1, 'a title cannot be empty').max(2_000).optional(),
  authors: z.array(z.string().trim().min(1).max(500)).max(10_000).optional(),
  publishedAt: z
    .string()
    .trim()
    .regex(
      /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
      'a date is YYYY, YYYY-MM or YYYY-MM-DD',
    )
    .nullable()
    .transform((text) => (text === '' ? null : text))
    .optional(),
  venue: optionalText(1_000),
  doi: optionalText(300),
  arxivId: optionalText(100),
  abstract: optionalText(100_000),
})
export type MetadataEdit = z.input<typeof metadataEditSchema>

/** A file kept as the export of a scope, rewritten whenever its papers change. */
export type AutoExport = {
  id: number
  scope: ExportScope
  format: ExportFormat
  options: z.infer<typeof exportOptionsSchema>
  /** Absolute path of the file. */
  path: string
  /** When the file was last (re)written; null before the first time. */
  writtenAt: string | null
  /** Why the last attempt failed (the tag is gone, the folder cannot be written); null when it worked. */
  error: string | null
}

/** What one pass over the auto-exports did to a file. */
export type AutoExportRun = {
  id: number
  path: string
  count: number
  written: boolean
  error: string | null
}

/** Input schemas of the curation methods. */
export const curationInputs = {
  exportPapers: z.strictObject({
    scope: exportScopeSchema,
    format: exportFormatSchema,
    options: exportOptionsSchema.default({ keywords: false, abstracts: false }),
  }),
  citePapers: z.strictObject({
    ids: z.array(paperIdSchema).min(1).max(10_000),
    style: citeStyleSchema.default('apa'),
  }),
  setCitationKey: z.strictObject({ id: paperIdSchema, key: citationKeySchema.nullable() }),
  setCitationKeyPattern: z.strictObject({ pattern: keyPattern }),
  listDuplicates: z.strictObject({}),
  mergePapers: z.strictObject({
    keep: paperIdSchema,
    merge: z.array(paperIdSchema).min(1).max(100),
  }),
  unmergePaper: z.strictObject({ mergedId: paperIdSchema }),
  editPaperMetadata: z.strictObject({ id: paperIdSchema, fields: metadataEditSchema }),
  addAutoExport: z.strictObject({
    scope: exportScopeSchema,
    format: exportFormatSchema.default('bibtex'),
    options: exportOptionsSchema.default({ keywords: false, abstracts: false }),
    path: z
      .string()
      .min(1)
      .max(4_096)
      .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), {
        message: 'an auto-export path is absolute',
      }),
  }),
  listAutoExports: z.strictObject({}),
  removeAutoExport: z.strictObject({ id: z.number().int().positive() }),
  /** Absent `id`: every auto-export. */
  runAutoExports: z.strictObject({ id: z.number().int().positive().optional() }),
  revertPaperMetadata: z.strictObject({
    id: paperIdSchema,
    /** Absent: every edited field. */
    fields: z.array(editableFieldSchema).min(1).max(EDITABLE_FIELDS.length).optional(),
  }),
}
