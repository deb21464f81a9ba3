import type { PaperListRow } from '@shared/api/library-ui'
import type { PaperSort } from '@shared/model/paper'
import { titleKey } from '@shared/model/title-key'

/** The sort orders the list offers, with labels and the direction each starts in. */
export const SORT_OPTIONS: ReadonlyArray<{
  sort: PaperSort
  label: string
  order: 'asc' | 'desc'
}> = [
  { sort: 'added', label: 'Date added', order: 'desc' },
  { sort: 'published', label: 'Date published', order: 'desc' },
  { sort: 'title', label: 'Title', order: 'asc' },
  { sort: 'upvotes', label: 'Upvotes', order: 'desc' },
  { sort: 'for-you', label: 'For you', order: 'desc' },
]

/** The direction a sort starts in. */
export function defaultOrder(sort: PaperSort): 'asc' | 'desc' {
  return SORT_OPTIONS.find((option) => option.sort === sort)?.order ?? 'desc'
}

type Sortable = Pick<PaperListRow, 'id' | 'title' | 'addedAt' | 'publishedAt' | 'upvotes'>

function keyOf(row: Sortable, sort: PaperSort): string | number | null {
  switch (sort) {
    case 'added':
      return row.addedAt
    case 'published':
      return row.publishedAt
    case 'title':
      return titleKey(row.title)
    case 'upvotes':
      return row.upvotes
    case 'for-you':
      // rows carry no score: only the library query orders by it (see sortRows)
      return null
  }
}

/**
 * Sorts rows in place of the server (search results arrive ranked, the user may re-sort them):
 * the same rules as the library listing — unknown values last in either direction, ties by id.
 */
export function sortRows<T extends Sortable>(
  rows: ReadonlyArray<T>,
  sort: PaperSort,
  order: 'asc' | 'desc' = defaultOrder(sort),
): T[] {
  // the "For you" score lives in the library, not in the rows: search results keep their rank
  if (sort === 'for-you') return [...rows]
  const sign = order === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const ka = keyOf(a, sort)
    const kb = keyOf(b, sort)
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1
      return sign * (a.id - b.id)
    }
    if (ka < kb) return -sign
    if (ka > kb) return sign
    return sign * (a.id - b.id)
  })
}
