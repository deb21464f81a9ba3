import { z } from 'zod'
import { tagNameSchema } from '../model/tag-name'
import { paperIdSchema } from '../model/ids'
import { paperSortSchema, readingStatusSchema } from '../model/paper'
import { backupInputs } from './backups'
import { libraryUiInputs } from './library-ui'
import { syncInputs } from './sync-api'
import { pdfInputs } from './pdf-api'
import { searchInputs } from './search-api'
import { annotationInputs } from './annotations-api'
import { topicsInputs } from './topics-api'
import { curationInputs } from './curation-api'
import { browserInputs } from './browser-api'
import { triageInputs } from './triage-api'

/** Formats an import understands; `auto` detects one from the text. */
export const IMPORT_FORMATS = [
  'auto',
  'hf-page',
  'ids',
  'bibtex',
  'ris',
  'csl-json',
  'feed',
  'awesome',
] as const
export const importFormatSchema = z.enum(IMPORT_FORMATS)
export type ImportFormat = z.infer<typeof importFormatSchema>

/** The largest text one import accepts (a copied page of thousands of entries is a few MB). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024
/** The largest note a paper keeps. */
export const MAX_NOTE_CHARS = 1024 * 1024
/** The most papers one listing returns. */
export const MAX_PAGE_SIZE = 10_000

export { tagNameSchema }

const paperIdsSchema = z.array(paperIdSchema).min(1).max(1_000_000)
const empty = z.strictObject({})

/** The zod schema of every LibraryApi method's single argument. */
export const apiInputs = {
  /** `check` runs the integrity check now when no background check has (one-shot commands). */
  libraryInfo: z.strictObject({ check: z.boolean().optional() }),
  listPapers: z.strictObject({
    tag: tagNameSchema.optional(),
    /** Papers of one user list (`sort: 'list'` then follows its own order). */
    listId: z.number().int().positive().optional(),
    status: readingStatusSchema.optional(),
    starred: z.boolean().optional(),
    sort: paperSortSchema.default('added'),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
    offset: z.number().int().min(0).default(0),
    /** Also list dismissed papers (the library and the inbox are always listed). */
    includeDismissed: z.boolean().optional(),
  }),
  getPaper: z.strictObject({ id: paperIdSchema }),
  findPaper: z.strictObject({ ref: z.string().trim().min(1).max(2000) }),
  importText: z.strictObject({
    text: z.string().max(MAX_IMPORT_CHARS, `an import is at most ${MAX_IMPORT_CHARS} characters`),
    format: importFormatSchema.default('auto'),
    sourceName: z.string().trim().min(1).max(1000),
    tags: z.array(tagNameSchema).max(100).default([]),
    /** Also tag each paper with the keywords the file gives it (BibTeX `keywords`, CSL `keyword`, RIS `KW`). */
    keywordsAsTags: z.boolean().default(false),
    /** Put the new papers in the inbox instead of the library. */
    inbox: z.boolean().optional(),
  }),
  importFile: z.strictObject({
    path: z
      .string()
      .min(1)
      .max(4096)
      .refine(
        (path) => /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(path),
        'give the file as an absolute path',
      ),
    format: importFormatSchema.default('auto'),
    tags: z.array(tagNameSchema).max(100).default([]),
    keywordsAsTags: z.boolean().default(false),
    inbox: z.boolean().optional(),
  }),
  tagPapers: z.strictObject({ ids: paperIdsSchema, tags: z.array(tagNameSchema).min(1).max(100) }),
  untagPapers: z.strictObject({
    ids: paperIdsSchema,
    tags: z.array(tagNameSchema).min(1).max(100),
  }),
  listTags: empty,
  setStatus: z.strictObject({ ids: paperIdsSchema, status: readingStatusSchema }),
  setStarred: z.strictObject({ ids: paperIdsSchema, starred: z.boolean() }),
  setNote: z.strictObject({
    id: paperIdSchema,
    note: z.string().max(MAX_NOTE_CHARS).nullable(),
  }),
  search: z.strictObject({
    query: z.string().max(1000),
    limit: z.number().int().min(1).max(1000).default(50),
    includeDismissed: z.boolean().optional(),
  }),
  ...libraryUiInputs,
  ...backupInputs,
  ...syncInputs,
  ...pdfInputs,
  ...searchInputs,
  ...annotationInputs,
  ...topicsInputs,
  ...curationInputs,
  ...browserInputs,
  ...triageInputs,
}

export type ApiMethod = keyof typeof apiInputs
/** The argument a caller passes (defaults may be omitted). */
export type ApiInput<K extends ApiMethod> = z.input<(typeof apiInputs)[K]>
/** The argument after validation, as the service receives it. */
export type ApiParsedInput<K extends ApiMethod> = z.output<(typeof apiInputs)[K]>

/** True when `name` is a method of the API (own key, not a prototype name like `toString`). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiInputs, name)
}
