import type { SmartView } from '@shared/api/library-ui'
import type { SourceId } from '@shared/model/ids'

/** What the paper list shows: a smart view, a tag (with sub-tags), a user list or a source. */
export type Scope =
  | { kind: 'view'; view: SmartView }
  | { kind: 'tag'; tag: string }
  | { kind: 'list'; listId: number; name: string }
  | { kind: 'source'; sourceId: SourceId; name: string }

/** The view filter the API takes for a scope. */
export function filterOf(scope: Scope): {
  view: SmartView
  tag?: string
  listId?: number
  sourceId?: SourceId
} {
  switch (scope.kind) {
    case 'view':
      return { view: scope.view }
    case 'tag':
      return { view: 'all', tag: scope.tag }
    case 'list':
      return { view: 'all', listId: scope.listId }
    case 'source':
      return { view: 'all', sourceId: scope.sourceId }
  }
}

/** Two scopes show the same papers. */
export function sameScope(a: Scope, b: Scope): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The heading of a scope. */
export function scopeTitle(scope: Scope): string {
  switch (scope.kind) {
    case 'view':
      return VIEW_LABELS[scope.view]
    case 'tag':
      return `#${scope.tag}`
    case 'list':
    case 'source':
      return scope.name
  }
}

/** Sidebar labels of the smart views. */
export const VIEW_LABELS: Record<SmartView, string> = {
  inbox: 'Inbox',
  new: 'New since last visit',
  all: 'All papers',
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
  starred: 'Starred',
  dismissed: 'Dismissed',
  trash: 'Trash',
}
