import { z } from 'zod'
import { MAX_SNAPSHOT_LINKS, MAX_SNAPSHOT_META } from './page-snapshot'

const text = (max: number) => z.string().max(max)

/** A snapshot as it arrives from another process. */
export const pageSnapshotSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(4096),
  title: text(10_000),
  meta: z.array(z.strictObject({ name: text(200), content: text(100_000) })).max(MAX_SNAPSHOT_META),
  links: z.array(z.strictObject({ href: text(4096), text: text(2000) })).max(MAX_SNAPSHOT_LINKS),
})
