import { useMemo, useState } from 'react'
import type { TagId } from '@shared/model/ids'
import type { Tag } from '@shared/model/tag'
import { tagStyle } from '../library/TagChip'
import type { Scope } from '../library/scope'
import { buildTagTree, type TagNode } from '../tags/tag-tree'

/** What the tag menu can ask for. */
export type TagMenuAction = 'rename' | 'color' | 'merge' | 'offline' | 'auto-export' | 'delete'

/** The tags as a tree by `/`, with counts and colors; each tag has a menu to manage it. */
export function TagsSection({
  tags,
  scope,
  onSelect,
  onCreate,
  onAction,
}: {
  tags: ReadonlyArray<Tag>
  scope: Scope
  onSelect: (tag: string) => void
  onCreate: () => void
  onAction: (action: TagMenuAction, tag: Tag) => void
}) {
  const tree = useMemo(() => buildTagTree(tags), [tags])
  const [menuFor, setMenuFor] = useState<TagId | null>(null)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const toggle = (path: string) => {
    const next = new Set(collapsed)
    if (next.has(path)) next.delete(path)
    else next.add(path)
    setCollapsed(next)
  }
  const renderNode = (node: TagNode, depth: number) => {
    const current = scope.kind === 'tag' && scope.tag === node.path
    const isCollapsed = collapsed.has(node.path)
    return (
      <li key={node.path} className="tag-node">
        <div className="tag-node__row" style={{ paddingLeft: depth * 14 }}>
          {node.children.length > 0 ? (
            <button
              type="button"
              className="tag-node__toggle"
              aria-label={isCollapsed ? `Expand ${node.path}` : `Collapse ${node.path}`}
              aria-expanded={!isCollapsed}
              onClick={() => toggle(node.path)}
            >
              {isCollapsed ? '▸' : '▾'}
            </button>
          ) : (
            <span className="tag-node__toggle" />
          )}
          <button
            type="button"
            className={[
              'nav-item',
              current ? 'is-current' : '',
              // a tag left on no paper reads as unused, not as one in use
              node.tag?.paperCount === 0 ? 'is-unused' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            title={node.tag?.paperCount === 0 ? 'On no paper' : undefined}
            aria-current={current ? 'page' : undefined}
            data-tag={node.path}
            onClick={() => onSelect(node.path)}
          >
            <span
              className="tag-dot"
              style={tagStyle(node.path, node.tag?.color)}
              aria-hidden="true"
            />
            <span className="nav-item__label">{node.label}</span>
            <span className="nav-item__count">{node.tag ? node.tag.paperCount : ''}</span>
          </button>
          {node.tag ? (
            <button
              type="button"
              className="icon-button tag-node__menu"
              aria-label={`Manage tag ${node.path}`}
              aria-expanded={menuFor === node.tag.id}
              onClick={() => setMenuFor(menuFor === node.tag?.id ? null : (node.tag?.id ?? null))}
            >
              ⋯
            </button>
          ) : null}
        </div>
        {node.tag && menuFor === node.tag.id ? (
          <div className="menu" role="menu" aria-label={`Tag ${node.path}`}>
            {(['rename', 'color', 'merge', 'offline', 'auto-export', 'delete'] as const).map(
              (action) => (
                <button
                  key={action}
                  type="button"
                  role="menuitem"
                  onClick={(event) => {
                    // The menu goes away: its ⋯ button holds the focus, so a dialog hands it back there.
                    event.currentTarget
                      .closest('.tag-node')
                      ?.querySelector<HTMLElement>('.tag-node__menu')
                      ?.focus()
                    setMenuFor(null)
                    if (node.tag) onAction(action, node.tag)
                  }}
                >
                  {MENU_LABELS[action]}
                </button>
              ),
            )}
          </div>
        ) : null}
        {node.children.length > 0 && !isCollapsed ? (
          <ul className="tag-tree">{node.children.map((child) => renderNode(child, depth + 1))}</ul>
        ) : null}
      </li>
    )
  }
  return (
    <section className="sidebar__section" aria-label="Tags">
      <header className="sidebar__heading">
        <h2>Tags</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="New tag"
          title="New tag"
          onClick={onCreate}
        >
          +
        </button>
      </header>
      {tree.length === 0 ? (
        <p className="sidebar__empty muted">No tags yet. Press t on a paper to tag it.</p>
      ) : (
        <ul className="tag-tree">{tree.map((node) => renderNode(node, 0))}</ul>
      )}
    </section>
  )
}

const MENU_LABELS: Record<TagMenuAction, string> = {
  rename: 'Rename…',
  color: 'Color…',
  merge: 'Merge into…',
  offline: 'Make available offline',
  'auto-export': 'Auto-export…',
  delete: 'Delete',
}
