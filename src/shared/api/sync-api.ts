import { z } from 'zod'
import { paperIdSchema, sourceIdSchema } from '../model/ids'
import { syncKindSchema, syncParamsSchema } from '../model/sync-source'
import { tagNameSchema } from '../model/tag-name'

const tagName = tagNameSchema
const sourceName = z.string().trim().min(1).max(300)
/** Between five minutes and a week; null syncs only on demand. */
const intervalMinutes = z
  .number()
  .int()
  .min(5)
  .max(7 * 24 * 60)
  .nullable()

/** The zod schemas of the source and sync methods' arguments (spread into `apiInputs`). */
export const syncInputs = {
  listSources: z.strictObject({}),
  addSource: z.strictObject({
    kind: syncKindSchema,
    params: syncParamsSchema,
    name: sourceName.optional(),
    tags: z.array(tagName).max(100).optional(),
    intervalMinutes: intervalMinutes.optional(),
    enabled: z.boolean().optional(),
  }),
  updateSource: z.strictObject({
    id: sourceIdSchema,
    params: syncParamsSchema.optional(),
    name: sourceName.optional(),
    tags: z.array(tagName).max(100).optional(),
    intervalMinutes: intervalMinutes.optional(),
    enabled: z.boolean().optional(),
  }),
  removeSource: z.strictObject({ id: sourceIdSchema }),
  syncSource: z.strictObject({ id: sourceIdSchema }),
  syncOnce: z.strictObject({
    kind: syncKindSchema,
    params: syncParamsSchema,
    tags: z.array(tagName).max(100).optional(),
  }),
  cancelSync: z.strictObject({ id: sourceIdSchema }),
  resolvePapers: z.strictObject({ ids: z.array(paperIdSchema).min(1).max(100_000).optional() }),
}
