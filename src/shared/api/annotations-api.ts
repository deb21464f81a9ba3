import { z } from 'zod'
import { annotationColorSchema, ANNOTATION_KINDS, pdfRectSchema } from '../model/annotation'
import { paperIdSchema } from '../model/ids'
import { tagNameSchema } from '../model/tag-name'

/** The longest highlighted passage or comment kept. */
export const MAX_ANNOTATION_TEXT = 20_000
/** The largest cropped picture of an area highlight (base64 PNG). */
export const MAX_AREA_IMAGE_CHARS = 4 * 1024 * 1024
/** Rectangles one highlight may cover (a passage over many lines). */
const MAX_RECTS = 400

const text = z.string().max(MAX_ANNOTATION_TEXT)
const pngData = z
  .string()
  .max(MAX_AREA_IMAGE_CHARS, `an area picture is at most ${MAX_AREA_IMAGE_CHARS} characters`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'an area picture must be base64 PNG data')
const annotationId = z.number().int().positive()

/** The zod schemas of the annotation methods' arguments. */
export const annotationInputs = {
  listAnnotations: z.strictObject({ paperId: paperIdSchema }),
  annotationSummary: z.strictObject({
    paperId: paperIdSchema,
    latest: z.number().int().min(0).max(50).default(3),
  }),
  addAnnotation: z
    .strictObject({
      paperId: paperIdSchema,
      kind: z.enum(ANNOTATION_KINDS),
      color: annotationColorSchema.default('yellow'),
      page: z.number().int().min(1).max(1_000_000),
      rects: z.array(pdfRectSchema).min(1).max(MAX_RECTS),
      quote: text.optional(),
      /** Text just before and after the quote on its page, to find it again in a new version. */
      prefix: z.string().max(200).optional(),
      suffix: z.string().max(200).optional(),
      comment: text.optional(),
      image: pngData.optional(),
    })
    .refine(
      (input) => input.kind !== 'highlight' || (input.quote ?? '').trim() !== '',
      'a highlight needs the text it marks',
    ),
  updateAnnotation: z.strictObject({
    id: annotationId,
    color: annotationColorSchema.optional(),
    /** An empty comment clears it. */
    comment: text.optional(),
    /** The reader measured a re-anchored highlight's text again. */
    rects: z.array(pdfRectSchema).min(1).max(MAX_RECTS).optional(),
  }),
  deleteAnnotation: z.strictObject({ id: annotationId }),
  renameAnnotationColor: z.strictObject({
    color: annotationColorSchema,
    label: z.string().trim().min(1, 'a colour needs a name').max(60),
  }),
  exportAnnotations: z
    .strictObject({
      ids: z.array(paperIdSchema).min(1).max(100_000).optional(),
      tag: tagNameSchema.optional(),
      /** A user list's id. */
      listId: z.number().int().positive().optional(),
      format: z.literal('markdown').default('markdown'),
      /** A folder to write the files into; without it only the Markdown comes back (pictures inline). */
      to: z.string().trim().min(1).max(4096).optional(),
      /** Also write a copy of each PDF with the annotations in it (needs `to`). */
      pdf: z.boolean().default(false),
    })
    .refine(
      (input) => [input.ids, input.tag, input.listId].filter((v) => v !== undefined).length === 1,
      'name the papers: ids, a tag or a list',
    )
    .refine(
      (input) => !input.pdf || input.to !== undefined,
      'an annotated PDF copy needs a folder (to)',
    ),
}
