import { useId, useMemo, useState, type Ref } from 'react'
import type { Tag } from '@shared/model/tag'
import { completeTag } from './tag-tree'

/** Marks the option that creates the typed tag (no tag name starts with a control character). */
const CREATE_PREFIX = '\u0000create:'
const tagOf = (option: string) =>
  option.startsWith(CREATE_PREFIX) ? option.slice(CREATE_PREFIX.length) : option

/**
 * What the tag box offers for `typed`: tags in use that match (not those in `exclude`), then
 * "Create …" for new text when `allowCreate`. The first is what Enter takes unless the arrows moved.
 */
export function tagOptions(
  allTags: ReadonlyArray<Tag>,
  exclude: ReadonlyArray<string>,
  typed: string,
  allowCreate: boolean,
): string[] {
  // Tags left on no paper are not offered again as if in use.
  const matches = completeTag(
    allTags.filter((tag) => tag.paperCount > 0),
    typed,
    exclude,
  )
  const text = typed.trim()
  return !allowCreate ||
    text === '' ||
    matches.some((name) => name.toLowerCase() === text.toLowerCase())
    ? matches
    : [...matches, CREATE_PREFIX + text]
}

/** The tag a submitted box holds: its text when a tag has that name, else its first option. */
export function tagToTake(
  allTags: ReadonlyArray<Tag>,
  exclude: ReadonlyArray<string>,
  typed: string,
  allowCreate: boolean,
): string | null {
  const text = typed.trim()
  if (text === '') return null
  const options = tagOptions(allTags, exclude, text, allowCreate)
  const exact = options.find((option) => option.toLowerCase() === text.toLowerCase())
  const chosen = exact ?? options[0]
  return chosen === undefined ? null : tagOf(chosen)
}

/**
 * The one tag box (the detail pane's and the bulk dialog's): type to see matching tags in use,
 * ↑/↓ move the highlight, Enter or a click takes the highlighted one; new text is taken only
 * through its own "Create …" option (when `allowCreate`), so "diff" + Enter never creates `diff`
 * while "diffusion" is highlighted.
 */
export function TagInput({
  allTags,
  exclude,
  allowCreate = true,
  label = 'Add tag',
  placeholder = 'Add tag…',
  inputRef,
  escapeBlurs = true,
  onPick,
  onEnterEmpty,
}: {
  allTags: ReadonlyArray<Tag>
  /** Tags already chosen: not offered. */
  exclude: ReadonlyArray<string>
  allowCreate?: boolean
  label?: string
  placeholder?: string
  inputRef?: Ref<HTMLInputElement>
  /** Escape on an empty box leaves it (the detail pane); else Escape reaches the dialog. */
  escapeBlurs?: boolean
  onPick: (tag: string) => void
  /** Enter with nothing typed or highlighted by the arrows (a dialog submits). */
  onEnterEmpty?: () => void
}) {
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  // The highlight was moved with the arrows: Enter then takes it even with nothing typed.
  const [navigated, setNavigated] = useState(false)
  const listId = useId()
  const typed = text.trim()
  // What Enter takes is always highlighted: a matching tag first, or "Create …" for new text.
  const options = useMemo(
    () => tagOptions(allTags, exclude, text, allowCreate),
    [allTags, exclude, text, allowCreate],
  )
  const pick = (tag: string) => {
    const name = tag.trim()
    if (name === '') return
    onPick(name)
    setText('')
    setActive(0)
    setNavigated(false)
  }
  const showList = open && options.length > 0

  return (
    <div className="tag-editor__field">
      <input
        ref={inputRef}
        className="tag-editor__input"
        aria-label={label}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={placeholder}
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
            if (typed === '' && !navigated && onEnterEmpty) {
              onEnterEmpty()
              return
            }
            const exact = options.find((option) => option.toLowerCase() === typed.toLowerCase())
            const picked = showList ? options[active] : undefined
            const chosen = exact ?? picked ?? (allowCreate ? typed : undefined)
            if (chosen !== undefined) pick(tagOf(chosen))
          } else if (event.key === 'Escape') {
            if (text === '' && !escapeBlurs) return
            event.stopPropagation()
            setText('')
            if (escapeBlurs) event.currentTarget.blur()
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
                pick(tagOf(option))
              }}
            >
              {option.startsWith(CREATE_PREFIX) ? `Create “${tagOf(option)}”` : option}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
