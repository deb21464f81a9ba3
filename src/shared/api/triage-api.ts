import { z } from 'zod'
import { paperIdSchema, sourceIdSchema, type PaperId, type SourceId } from '../model/ids'
import { tagNameSchema } from '../model/tag-name'
import type { PaperEditResult } from './library-ui'

/**
 * Where a paper stands. A paper from a followed source arrives in the `inbox`; keep moves it to
 * the `library`; `dismissed` hides it everywhere but the Dismissed view; `trash` keeps it with its
 * PDF, annotations and note until the trash is emptied; `purged` is what an emptied trash leaves:
 * the paper's identity only, so it never comes back by itself.
 */
export const TRIAGE_STATES = ['inbox', 'library', 'dismissed', 'trash', 'purged'] as const
export type TriageState = (typeof TRIAGE_STATES)[number]

/** The states a patch (and its undo) may move a paper to; purging is `emptyTrash`'s alone. */
export const triageTargetSchema = z.enum(['inbox', 'library', 'dismissed', 'trash'])
export type TriageTarget = z.infer<typeof triageTargetSchema>

/** What the user does with papers: keep, dismiss, delete (to the trash), undelete. */
export const TRIAGE_ACTIONS = ['keep', 'dismiss', 'delete', 'undelete'] as const
export const triageActionSchema = z.enum(TRIAGE_ACTIONS)
export type TriageAction = z.infer<typeof triageActionSchema>

/** The state each action moves a paper to. */
export const TRIAGE_ACTION_TARGET: Readonly<Record<TriageAction, TriageTarget>> = {
  keep: 'library',
  dismiss: 'dismissed',
  delete: 'trash',
  undelete: 'library',
}

/** What an arrival rule does with a paper its query matches. */
export const RULE_ACTIONS = ['tag', 'keep', 'dismiss', 'star'] as const
export const ruleActionSchema = z.enum(RULE_ACTIONS)
export type RuleAction = z.infer<typeof ruleActionSchema>

/** A rule of a source: papers arriving from it that match `query` get `action`. */
export type ArrivalRule = {
  id: number
  sourceId: SourceId
  sourceName: string
  query: string
  action: RuleAction
  /** The tag a `tag` rule adds; null for the other actions. */
  tag: string | null
  createdAt: string
}

/** How many papers of the source a rule would match now, and the first of them. */
export type RulePreview = { matched: number; paperIds: ReadonlyArray<PaperId> }

/** Papers in the inbox from one source on one day (the day they were added). */
export type InboxGroup = {
  /** The source that brought the papers first; null for papers no source brought. */
  sourceId: SourceId | null
  sourceName: string
  /** `YYYY-MM-DD`: the day the source lists the papers under (a daily list's date), else the day they were added (UTC). */
  day: string
  count: number
}

/** What emptying the trash (or forgetting papers) did. */
export type PurgeResult = { changed: number; freedBytes: number }

const paperIds = z.array(paperIdSchema).min(1).max(1_000_000)
const ruleQuery = z.string().trim().min(1, 'a rule needs a query').max(1000)

const ruleShape = {
  sourceId: sourceIdSchema,
  query: ruleQuery,
  action: ruleActionSchema,
  tag: tagNameSchema.optional(),
}
const ruleInput = z
  .strictObject(ruleShape)
  .refine((rule) => (rule.action === 'tag') === (rule.tag !== undefined), {
    message: 'a tag rule names its tag, and only a tag rule does',
  })

/** Input schemas of the triage methods. */
export const triageInputs = {
  /**
   * Keeps, dismisses, deletes or undeletes papers: the given ones, or with `allInInbox` every
   * paper in the inbox (of one source with `sourceId`).
   */
  triagePapers: z
    .strictObject({
      action: triageActionSchema,
      ids: paperIds.optional(),
      allInInbox: z.boolean().default(false),
      sourceId: sourceIdSchema.optional(),
      /** With `allInInbox`: only the group of this day (see `inboxGroups`) and source (none: no source). */
      day: z.iso.date().optional(),
    })
    .refine((input) => (input.ids !== undefined) !== input.allInInbox, {
      message: 'give the papers or allInInbox, not both',
    }),
  inboxGroups: z.strictObject({}),
  emptyTrash: z.strictObject({}),
  forgetPapers: z.strictObject({ ids: paperIds }),
  listArrivalRules: z.strictObject({ sourceId: sourceIdSchema.optional() }),
  addArrivalRule: ruleInput,
  removeArrivalRule: z.strictObject({ id: z.number().int().positive() }),
  previewArrivalRule: z.strictObject({
    sourceId: sourceIdSchema,
    query: ruleQuery,
    limit: z.number().int().min(0).max(1000).default(20),
  }),
}

/** What the triage methods return. */
export type TriageOutputs = {
  /** Moves papers between inbox, library, dismissed and trash; the result undoes it (`updatePapers`). */
  triagePapers: PaperEditResult
  /** The inbox by source and day, newest day first. */
  inboxGroups: ReadonlyArray<InboxGroup>
  /** Empties the trash: PDFs no other paper uses are deleted, annotations, notes and tags go; the identity stays. */
  emptyTrash: PurgeResult
  /** Forgets dismissed, trashed or purged papers entirely (a sync may bring them back). Error `invalid-input` for a paper in the inbox or library. */
  forgetPapers: PurgeResult
  /** Arrival rules (of one source), in the order they apply. */
  listArrivalRules: ReadonlyArray<ArrivalRule>
  /** Adds a rule to a source. Errors `not-found`, `invalid-input` (a query with warnings). */
  addArrivalRule: ArrivalRule
  /** Removes a rule. Error `not-found`. */
  removeArrivalRule: { changed: number }
  /** The papers of a source a query matches now, with the matcher arrivals use. */
  previewArrivalRule: RulePreview
}
