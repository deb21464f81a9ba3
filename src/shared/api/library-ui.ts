import { z } from 'zod'
import { paperIdSchema, sourceIdSchema, tagIdSchema, type PaperId } from '../model/ids'
import {
  paperSortSchema,
  readingStatusSchema,
  type Paper,
  type ReadingStatus,
} from '../model/paper'
import { tagNameSchema } from '../model/tag-name'
import { triageTargetSchema } from './triage-api'

/**
 * The smart views of the sidebar; `new` is what arrived since the previous visit. The inbox,
 * dismissed and trash views hold papers in those triage states; every other view holds the
 * library's papers only.
 */
export const SMART_VIEWS = [
  'inbox',
  'new',
  'all',
  'unread',
  'reading',
  'read',
  'starred',
  'dismissed',
  'trash',
] as const
export const smartViewSchema = z.enum(SMART_VIEWS)
export type SmartView = z.infer<typeof smartViewSchema>

/** The most rows one window of the list returns. */
export const MAX_ROW_WINDOW = 2_000

const tagName = tagNameSchema
const listName = z.string().trim().min(1, 'a list name cannot be empty').max(200)
const listIdSchema = z.number().int().positive()
const paperIds = z.array(paperIdSchema).min(1).max(1_000_000)
const tagColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a tag color is written #rrggbb')
  .nullable()

/** Which papers a list view shows: a smart view narrowed by a tag (with its sub-tags), list or source. */
export const viewFilterShape = {
  view: smartViewSchema.default('all'),
  tag: tagName.optional(),
  listId: listIdSchema.optional(),
  sourceId: sourceIdSchema.optional(),
}

/** One change applied to many papers; the same shape undoes it. */
export const paperPatchSchema = z.strictObject({
  ids: paperIds,
  addTags: z.array(tagName).min(1).max(100).optional(),
  removeTags: z.array(tagName).min(1).max(100).optional(),
  status: readingStatusSchema.optional(),
  starred: z.boolean().optional(),
  triage: triageTargetSchema.optional(),
})

/**
 * Where a paper moves in a list: before or after another of its papers, or to a 1-based place
 * (exactly one of them).
 */
export const listPlaceShape = {
  before: paperIdSchema.optional(),
  after: paperIdSchema.optional(),
  to: z.number().int().min(1).optional(),
}

/** A move in a list; the same shape undoes it. */
export const moveInListSchema = z
  .strictObject({ listId: listIdSchema, paperId: paperIdSchema, ...listPlaceShape })
  .refine(
    (move) => [move.before, move.after, move.to].filter((v) => v !== undefined).length === 1,
    'give exactly one of before, after or to',
  )

/** Where a paper moves in a list (see `moveInListSchema`). */
export type ListPlace = { before?: PaperId; after?: PaperId; to?: number }

/** A move of a paper in a list. */
export type ListMove = z.output<typeof moveInListSchema>

/** What a move in a list did: the paper's 1-based place before and after, and the move undoing it. */
export type ListMoveResult = { from: number; to: number; undo: ListMove }

/** Input schemas of the methods the library screen adds to the API. */
export const libraryUiInputs = {
  listPaperRows: z.strictObject({
    ...viewFilterShape,
    sort: paperSortSchema.default('added'),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(MAX_ROW_WINDOW).default(200),
    offset: z.number().int().min(0).default(0),
  }),
  listPaperIds: z.strictObject({ ...viewFilterShape }),
  libraryCounts: z.strictObject({}),
  beginVisit: z.strictObject({}),
  updatePapers: paperPatchSchema,
  createTag: z.strictObject({ name: tagName, color: tagColorSchema.default(null) }),
  renameTag: z.strictObject({ id: tagIdSchema, name: tagName }),
  mergeTags: z.strictObject({ ids: z.array(tagIdSchema).min(1).max(1000), into: tagIdSchema }),
  setTagColor: z.strictObject({ id: tagIdSchema, color: tagColorSchema }),
  deleteTag: z.strictObject({ id: tagIdSchema }),
  listLists: z.strictObject({}),
  createList: z.strictObject({ name: listName }),
  renameList: z.strictObject({ id: listIdSchema, name: listName }),
  deleteList: z.strictObject({ id: listIdSchema }),
  addToList: z.strictObject({ listId: listIdSchema, ids: paperIds }),
  removeFromList: z.strictObject({ listId: listIdSchema, ids: paperIds }),
  moveInList: moveInListSchema,
}

/** A change applied to many papers (tags added/removed, status, star). */
export type PaperPatch = z.output<typeof paperPatchSchema>

/** A paper as the list shows it: no abstract or note, the first authors, where its PDF is. */
export type PaperListRow = Omit<Paper, 'abstract' | 'note'> & {
  /** `local` when a copy is stored in the library, `remote` when only a link is known. */
  pdf: 'local' | 'remote' | null
  hasNote: boolean
}

/** One window of list rows and how many the view holds. */
export type PaperRowPage = { total: number; rows: ReadonlyArray<PaperListRow> }

/** The sidebar's smart-view counts. */
export type LibraryCounts = Record<SmartView, number> & { newSince: string | null }

/** When the previous visit began; papers added after it are "new". */
export type VisitInfo = { newSince: string | null }

/** What a bulk edit changed, and the patches that undo it (apply them in order). */
export type PaperEditResult = { changed: number; undo: ReadonlyArray<PaperPatch> }

/** A deleted tag, with what is needed to bring it back. */
export type DeletedTag = { name: string; color: string | null; paperIds: ReadonlyArray<PaperId> }

/** A user-made list of papers. */
export type UserList = { id: number; name: string; paperCount: number }

/** Statuses a paper cycles through with one key. */
export const STATUS_CYCLE: ReadonlyArray<ReadingStatus> = ['unread', 'reading', 'read']
