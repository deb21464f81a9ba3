import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { SuggestedTag } from '@shared/model/paper'
import type { Tag } from '@shared/model/tag'
import { tagStyle } from '../library/TagChip'
import { completeTag } from '../tags/tag-tree'

/** Marks the option that creates the typed tag (no tag name starts with a control character). */
const CREATE_PREFIX = '\u0000create:'
const tagOf = (option: string) =>
  option.startsWith(CREATE_PREFIX) ? option.slice(CREATE_PREFIX.length) : option

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
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  const colors = useMemo(() => new Map(allTags.map((tag) => [tag.name, tag.color])), [allTags])
  // Tags left on no paper are not offered again as if in use.
  const matches = useMemo(
    () =>
      completeTag(
        allTags.filter((tag) => tag.paperCount > 0),
        text,
        tags,
      ),
    [allTags, text, tags],
  )
  const typed = text.trim()
  // What Enter takes is always highlighted: a matching tag first, or "Create …" for new text.
  const options = useMemo(
    () =>
      typed === '' || matches.some((name) => name.toLowerCase() === typed.toLowerCase())
        ? matches
        : [...matches, CREATE_PREFIX + typed],
    [matches, typed],
  )
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
            setOpen(true)
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && showList) {
              event.preventDefault()
              setActive((active + 1) % options.length)
            } else if (event.key === 'ArrowUp' && showList) {
              event.preventDefault()
              setActive((active - 1 + options.length) % options.length)
            } else if (event.key === 'Enter') {
              event.preventDefault()
              const exact = options.find((option) => option.toLowerCase() === typed.toLowerCase())
              const picked = showList ? options[active] : undefined
              add(tagOf(exact ?? picked ?? typed))
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
                  add(tagOf(option))
                }}
              >
                {option.startsWith(CREATE_PREFIX) ? `Create “${tagOf(option)}”` : option}
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
