import { useEffect, useMemo, useRef } from 'react'
import type { SuggestedTag } from '@shared/model/paper'
import type { Tag } from '@shared/model/tag'
import { tagStyle } from '../library/TagChip'
import { TagInput } from '../tags/TagInput'

/** A paper's tags: remove with ×, add by typing (with autocomplete) or with one click on a suggestion. */
export function TagEditor({
  tags,
  allTags,
  suggested,
  focusRequest,
  onAdd,
  onRemove,
}: {
  tags: ReadonlyArray<string>
  allTags: ReadonlyArray<Tag>
  suggested: ReadonlyArray<SuggestedTag>
  focusRequest: number
  onAdd: (tag: string) => void
  onRemove: (tag: string) => void
}) {
  const inputRef = useRef<HTMLInputElement>(null)
  const colors = useMemo(() => new Map(allTags.map((tag) => [tag.name, tag.color])), [allTags])
  const fresh = useMemo(() => {
    const taken = new Set(tags.map((tag) => tag.toLowerCase()))
    return [...new Set(suggested.map((s) => s.label))].filter(
      (label) => !taken.has(label.toLowerCase()),
    )
  }, [suggested, tags])

  // Only a new request focuses the box: the pane remounting (after the reader closes) must not.
  const seenRequest = useRef(focusRequest)
  useEffect(() => {
    if (focusRequest === seenRequest.current) return
    seenRequest.current = focusRequest
    inputRef.current?.focus()
  }, [focusRequest])

  return (
    <div className="tag-editor">
      <ul className="tag-editor__chips" aria-label="Tags of this paper">
        {tags.map((tag) => (
          <li
            key={tag}
            className="tag-chip tag-chip--removable"
            style={tagStyle(tag, colors.get(tag))}
          >
            {tag}
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onRemove(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <TagInput allTags={allTags} exclude={tags} inputRef={inputRef} onPick={onAdd} />
      {fresh.length > 0 ? (
        <div className="tag-editor__suggested">
          <span className="muted">Suggested:</span>
          {fresh.slice(0, 10).map((label) => (
            <button
              key={label}
              type="button"
              className="suggested-tag"
              aria-label={`Add suggested tag ${label}`}
              onClick={() => onAdd(label)}
            >
              + {label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}
