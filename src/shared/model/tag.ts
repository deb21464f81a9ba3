import type { TagId } from './ids'

/** A user tag with the number of papers carrying it. Names are unique case-insensitively. */
export type Tag = {
  id: TagId
  name: string
  color: string | null
  paperCount: number
}
