import { z } from 'zod'
import { paperIdSchema, type PaperId } from '../model/ids'
import type { ReadingStatus } from '../model/paper'
import { tagNameSchema } from '../model/tag-name'

/** A tag the model learned from the user's tags suggests, how sure it is (0–1) and why. */
export type LearnedTag = {
  tag: string
  score: number
  /** The terms of the paper that weighed most for this tag (`"language model"`, `author Jane Roe`). */
  reason: ReadonlyArray<string>
}

/** A paper's learned suggestions (tags it has are left out). */
export type PaperTagSuggestions = {
  id: PaperId
  arxivId: string | null
  title: string | null
  suggestions: ReadonlyArray<LearnedTag>
}

/** A paper close to another, and the topics they share. */
export type RelatedPaper = {
  id: PaperId
  arxivId: string | null
  title: string | null
  status: ReadingStatus
  /** Cosine similarity of the two papers' TF-IDF vectors (0–1). */
  similarity: number
  sharedTopics: ReadonlyArray<string>
  /** Waiting in the triage inbox rather than kept in the library. */
  inInbox: boolean
}

/** How right past suggestions of a tag were at one threshold (papers the user tagged, held out). */
export type PrecisionPoint = { threshold: number; suggested: number; right: number }

/** A tag's auto-tagging setting (`threshold` null: off) and its precision preview. */
export type AutoTagPreview = AutoTagSetting & {
  points: ReadonlyArray<PrecisionPoint>
}

/** A tag's auto-tagging setting. */
export type AutoTagSetting = { tag: string; threshold: number | null }

/**
 * Which papers `suggestTags` covers when no ids are given: the triage `inbox`; papers of the
 * library and the inbox with no tag (`untagged`), or with no tag, unread and not marked "Not
 * interested" (`unread-untagged`). Dismissed and deleted papers are never covered.
 */
export const SUGGEST_SCOPES = ['inbox', 'untagged', 'unread-untagged'] as const
export type SuggestScope = (typeof SUGGEST_SCOPES)[number]

const tagName = tagNameSchema
const paperIds = z.array(paperIdSchema).min(1).max(10_000)

/** Input schemas of the learned-topics methods. */
export const topicsInputs = {
  suggestTags: z
    .strictObject({
      ids: paperIds.optional(),
      scope: z.enum(SUGGEST_SCOPES).optional(),
      limit: z.number().int().min(1).max(20).default(3),
    })
    .refine(
      (input) => (input.ids === undefined) !== (input.scope === undefined),
      'give either ids or a scope',
    ),
  relatedPapers: z.strictObject({
    id: paperIdSchema,
    limit: z.number().int().min(1).max(100).default(10),
  }),
  setNotInterested: z.strictObject({ ids: paperIds, notInterested: z.boolean() }),
  autoTagPreview: z.strictObject({ tag: tagName }),
  setAutoTag: z.strictObject({ tag: tagName, threshold: z.number().gt(0).max(1).nullable() }),
}
