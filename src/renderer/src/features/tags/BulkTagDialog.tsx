import { useMemo, useRef, useState } from 'react'
import type { Tag } from '@shared/model/tag'
import { Dialog } from '../../components/Dialog'
import { tagStyle } from '../library/TagChip'
import { TagInput, tagToTake } from './TagInput'

/**
 * Tags (or untags) the selected papers with several tags at once, chosen in the same tag box as
 * the detail pane's: suggestions of tags in use, Enter takes the highlighted one; Enter on an
 * empty box (or the button) applies them.
 */
export function BulkTagDialog({
  count,
  remove,
  allTags,
  onApply,
  onClose,
}: {
  /** How many papers the tags go to. */
  count: number
  remove: boolean
  allTags: ReadonlyArray<Tag>
  onApply: (tags: ReadonlyArray<string>) => void
  onClose: () => void
}) {
  const [chosen, setChosen] = useState<ReadonlyArray<string>>([])
  const colors = useMemo(() => new Map(allTags.map((tag) => [tag.name, tag.color])), [allTags])
  const papers = count === 1 ? '1 paper' : `${count} papers`
  const inputRef = useRef<HTMLInputElement>(null)
  const apply = () => {
    // Text still in the box goes too, as Enter would have taken it.
    const typed = tagToTake(allTags, chosen, inputRef.current?.value ?? '', !remove)
    const tags = typed === null ? chosen : [...chosen, typed]
    if (tags.length === 0) return
    onApply(tags)
    onClose()
  }
  const what = chosen.length === 0 ? 'tags' : chosen.length === 1 ? 'tag' : `${chosen.length} tags`
  return (
    <Dialog title={remove ? `Remove tags from ${papers}` : `Tag ${papers}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          apply()
        }}
      >
        <div className="tag-editor">
          <ul className="tag-editor__chips" aria-label={remove ? 'Tags to remove' : 'Tags to add'}>
            {chosen.map((tag) => (
              <li
                key={tag}
                className="tag-chip tag-chip--removable"
                style={tagStyle(tag, colors.get(tag))}
              >
                {tag}
                <button
                  type="button"
                  aria-label={`Leave out ${tag}`}
                  onClick={() => setChosen(chosen.filter((name) => name !== tag))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <TagInput
            allTags={allTags}
            exclude={chosen}
            allowCreate={!remove}
            label={remove ? 'Tag to remove' : 'Add tag'}
            placeholder={remove ? 'Tag to remove…' : 'Add tag…'}
            escapeBlurs={false}
            inputRef={inputRef}
            onPick={(tag) =>
              setChosen(
                chosen.some((name) => name.toLowerCase() === tag.toLowerCase())
                  ? chosen
                  : [...chosen, tag],
              )
            }
            onEnterEmpty={apply}
          />
        </div>
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {remove ? `Remove ${what}` : `Add ${what}`}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
