import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { SuggestedTag } from '@shared/model/paper'
import type { Tag } from '@shared/model/tag'
import { tagStyle } from '../library/TagChip'
import { completeTag } from '../tags/tag-tree'

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
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [navigated, setNavigated] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  const colors = useMemo(() => new Map(allTags.map((tag) => [tag.name, tag.color])), [allTags])
  const options = useMemo(() => completeTag(allTags, text, tags), [allTags, text, tags])
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

  const add = (tag: string) => {
    const name = tag.trim()
    if (name === '') return
    onAdd(name)
    setText('')
    setActive(0)
    setNavigated(false)
  }
  const showList = open && options.length > 0

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
      <div className="tag-editor__field">
        <input
          ref={inputRef}
          className="tag-editor__input"
          aria-label="Add tag"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          placeholder="Add tag…"
          value={text}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 120)}
          onChange={(event) => {
            setText(event.target.value)
            setActive(0)
            setNavigated(false)
            setOpen(true)
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && showList) {
              event.preventDefault()
              setNavigated(true)
              setActive((active + 1) % options.length)
            } else if (event.key === 'ArrowUp' && showList) {
              event.preventDefault()
              setNavigated(true)
              setActive((active - 1 + options.length) % options.length)
            } else if (event.key === 'Enter') {
              event.preventDefault()
              const typed = text.trim()
              const exact = options.find((option) => option.toLowerCase() === typed.toLowerCase())
              const picked = showList && navigated ? options[active] : undefined
              add(picked ?? exact ?? typed)
            } else if (event.key === 'Escape') {
              event.stopPropagation()
              setText('')
              inputRef.current?.blur()
            }
          }}
        />
        {showList ? (
          <ul id={listId} className="tag-editor__options" role="listbox" aria-label="Matching tags">
            {options.map((option, index) => (
              <li
                key={option}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'is-active' : ''}
                onMouseDown={(event) => {
                  event.preventDefault()
                  add(option)
                }}
              >
                {option}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
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
