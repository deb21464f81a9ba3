import { z } from 'zod'
import { paperIdSchema, sourceIdSchema } from '../model/ids'
import { readerZoomSchema } from '../model/pdf'
import { tagNameSchema } from '../model/tag-name'

/** The largest PDF sent inline (base64, from a drop in the browser); bigger files are attached by path. */
export const MAX_INLINE_PDF_BYTES = 48 * 1024 * 1024

const tagName = tagNameSchema
const filePath = z.string().trim().min(1).max(4096)
const inlineData = z
  .string()
  .max(
    Math.ceil((MAX_INLINE_PDF_BYTES * 4) / 3) + 4,
    `an inline PDF is at most ${MAX_INLINE_PDF_BYTES / 1024 / 1024} MB`,
  )
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'inline PDF data must be base64')
/** Where a PDF to attach comes from: a local path, or its bytes (base64) and a display name. */
const fileSource = {
  path: filePath.optional(),
  data: inlineData.optional(),
  name: z.string().trim().min(1).max(500).optional(),
  /** Resolve only once the file's text is indexed (the CLI, which exits right after). */
  waitForText: z.boolean().default(false),
}
const oneSource = (input: { path?: string | undefined; data?: string | undefined }) =>
  (input.path === undefined) !== (input.data === undefined)

/** The zod schemas of the PDF methods' arguments. */
export const pdfInputs = {
  pdfUrl: z.strictObject({ id: paperIdSchema }),
  downloadPdfs: z
    .strictObject({
      ids: z.array(paperIdSchema).max(1_000_000).optional(),
      tag: tagName.optional(),
      sourceId: sourceIdSchema.optional(),
      /** A user list's id. */
      listId: z.number().int().positive().optional(),
      allUnread: z.boolean().optional(),
      /** Resolve only when every queued job has ended and its text is indexed (the CLI waits; the UI follows events). */
      wait: z.boolean().default(false),
    })
    .refine(
      (input) =>
        input.ids !== undefined ||
        input.tag !== undefined ||
        input.sourceId !== undefined ||
        input.listId !== undefined ||
        input.allUnread === true,
      'name the papers: ids, a tag, a source, a list or allUnread',
    ),
  downloadStatus: z.strictObject({}),
  cancelDownload: z.strictObject({ ids: z.array(paperIdSchema).max(1_000_000).optional() }),
  removePdf: z
    .strictObject({
      id: paperIdSchema.optional(),
      ids: z.array(paperIdSchema).max(1_000_000).optional(),
      sourceId: sourceIdSchema.optional(),
    })
    .refine(
      (input) => input.id !== undefined || input.ids !== undefined || input.sourceId !== undefined,
      'name the papers: id, ids or a source',
    ),
  attachPdf: z
    .strictObject({ id: paperIdSchema, ...fileSource })
    .refine(oneSource, 'give either a path or data'),
  addPdf: z
    .strictObject({ ...fileSource, tags: z.array(tagName).max(100).default([]) })
    .refine(oneSource, 'give either a path or data'),
  storageUsage: z.strictObject({}),
  setReadingPosition: z.strictObject({
    id: paperIdSchema,
    page: z.number().int().min(1).max(1_000_000),
    zoom: readerZoomSchema,
  }),
  searchPdfText: z.strictObject({
    query: z.string().max(1000),
    limit: z.number().int().min(1).max(1000).default(20),
  }),
}
