import type { LibraryCounts, PaperListRow as ApiRow, UserList } from '@shared/api/library-ui'
import type { SearchCorrection, SearchRow, SearchSort } from '@shared/api/search-api'
import type { PaperDetail, PaperSort } from '@shared/model/paper'
import type { Tag } from '@shared/model/tag'
import type { QueryWarning } from '@shared/search/query-syntax'
import type { Scope } from '../scope'
import { EMPTY_SELECTION, type Selection } from '../selection'
import type { UndoStack } from '../undo-stack'

/** A list row; while searching, also what matched where (highlights, the passage to show). */
export type PaperListRow = ApiRow &
  Partial<Pick<SearchRow, 'score' | 'highlights' | 'snippet' | 'matchedAuthor'>>

/** What the library screen shows. */
export type LibraryState = {
  scope: Scope
  sort: PaperSort
  order: 'asc' | 'desc'
  /** How search results are ordered: by relevance, or any list sort over every match. */
  searchSort: SearchSort
  searchOrder: 'asc' | 'desc'
  /** The search box text; empty browses the scope. */
  query: string
  /** Rows in the list (search hits while searching). */
  total: number
  /** The query the rows on screen answer ('' when browsing); lags `query` while typing. */
  shownQuery: string
  /** What the search engine could not take in `shownQuery` (unknown operators, bad values). */
  searchWarnings: ReadonlyArray<QueryWarning>
  /** Query words the library does not hold, and what `shownQuery` searched instead. */
  searchCorrections: ReadonlyArray<SearchCorrection>
  /** Bumps whenever cached rows change, so the list re-reads them. */
  rowsVersion: number
  /** False until the first rows arrived. */
  loaded: boolean
  selection: Selection
  /** The row the keyboard is on; -1 when none. */
  focusIndex: number
  detail: PaperDetail | null
  counts: LibraryCounts | null
  tags: ReadonlyArray<Tag>
  lists: ReadonlyArray<UserList>
  undo: UndoStack
  /** Bumps when the tag editor should take focus (the `t` key). */
  tagFocusRequest: number
}

/** The screen before anything is loaded: all papers, newest first. */
export const INITIAL_STATE: LibraryState = {
  scope: { kind: 'view', view: 'all' },
  sort: 'added',
  order: 'desc',
  searchSort: 'relevance',
  searchOrder: 'desc',
  query: '',
  total: 0,
  shownQuery: '',
  searchWarnings: [],
  searchCorrections: [],
  rowsVersion: 0,
  loaded: false,
  selection: EMPTY_SELECTION,
  focusIndex: -1,
  detail: null,
  counts: null,
  tags: [],
  lists: [],
  undo: [],
  tagFocusRequest: 0,
}
