import type { SearchSort } from '@shared/api/search-api'
import type { PaperSort } from '@shared/model/paper'

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
  // offered in a list view only (`ListHeader`): a list's own order, which the user moves
  { sort: 'list', label: 'List order', order: 'asc' },
]

/** While searching, relevance comes first (the default) and the list's sorts follow. */
export const SEARCH_SORT_OPTIONS: ReadonlyArray<{
  sort: SearchSort
  label: string
  order: 'asc' | 'desc'
}> = [{ sort: 'relevance', label: 'Relevance', order: 'desc' }, ...SORT_OPTIONS]

/** The direction a sort starts in. */
export function defaultOrder(sort: SearchSort): 'asc' | 'desc' {
  return SEARCH_SORT_OPTIONS.find((option) => option.sort === sort)?.order ?? 'desc'
}
