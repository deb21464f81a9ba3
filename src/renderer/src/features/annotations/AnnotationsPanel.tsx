import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import type { Annotation, AnnotationColor } from '@shared/model/annotation'
import { COLOR_HEX } from '@shared/model/annotation'
import type { AnnotationsState, AnnotationsStore } from './annotations-store'
import { ColorNames } from './ColorNames'
import { downloadText } from './download-text'

/**
 * The Annotations panel beside the pages: every annotation in page order, filtered by colour;
 * choosing one scrolls the pages to it and opens its comment, colour and delete controls. Those
 * that could not be placed on this version of the PDF are listed apart.
 */
export function AnnotationsPanel(props: {
  store: AnnotationsStore
  state: AnnotationsState
  /** Grows when the active annotation's comment should take focus (a new note, "Comment…"). */
  editRequest: number
  onShow: (annotation: Annotation) => void
  /** Focus goes back to the pages. */
  onDone: () => void
}) {
  const { store, state } = props
  const shown = state.annotations.filter((a) => state.shown.has(a.color))
  const placed = shown.filter((a) => a.anchor !== 'unanchored')
  const lost = shown.filter((a) => a.anchor === 'unanchored')
  const [naming, setNaming] = useState(false)
  const labels = new Map(state.colors.map((c) => [c.color, c.label]))
  // Only the entries in view are in the document: a paper with thousands of annotations opens and
  // scrolls as fast as one with a few.
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: placed.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 8,
    getItemKey: (index) => placed[index]?.id ?? index,
  })
  const activeIndex = placed.findIndex((a) => a.id === state.activeId)
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, virtualizer])

  const item = (a: Annotation) => (
    <AnnotationItem
      key={`${a.id}:${a.comment ?? ''}`}
      annotation={a}
      label={labels.get(a.color) ?? a.color}
      active={a.id === state.activeId}
      colors={state.colors.map((c) => c.color)}
      labels={labels}
      editRequest={a.id === state.activeId ? props.editRequest : 0}
      onPick={() => {
        store.setActive(a.id)
        if (a.anchor !== 'unanchored') props.onShow(a)
      }}
      onSave={async (comment) => {
        await store.update(a.id, { comment })
        props.onDone()
      }}
      onColor={(color) => void store.update(a.id, { color })}
      onDelete={async () => {
        await store.remove(a.id)
        props.onDone()
      }}
      onCancel={props.onDone}
    />
  )

  return (
    <aside className="ps-panel" aria-label="Annotations">
      <header className="ps-panel__head">
        <h3>
          Annotations <span className="ps-panel__count">{state.annotations.length}</span>
        </h3>
        <button
          type="button"
          disabled={state.annotations.length === 0}
          onClick={() =>
            void store.exportMarkdown().then((file) => {
              if (file) downloadText(file.name, file.markdown)
            })
          }
        >
          Export Markdown
        </button>
      </header>
      <fieldset className="ps-panel__filter">
        <legend>Show colours</legend>
        {state.colors.map((c) => (
          <label
            key={c.color}
            style={{ '--annot-color': COLOR_HEX[c.color] } as React.CSSProperties}
          >
            <input
              type="checkbox"
              checked={state.shown.has(c.color)}
              onChange={() => store.toggleShown(c.color)}
            />
            <span className="ps-swatch" aria-hidden="true" />
            {c.label}
          </label>
        ))}
        <button
          type="button"
          className="link"
          aria-expanded={naming}
          onClick={() => setNaming(!naming)}
        >
          Rename colours
        </button>
      </fieldset>
      {naming ? (
        <ColorNames
          colors={state.colors}
          onRename={(color, label) => void store.renameColor(color, label)}
          onClose={() => setNaming(false)}
        />
      ) : null}
      {state.error ? (
        <p className="ps-panel__error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.loaded && state.annotations.length === 0 ? (
        <p className="ps-panel__empty">
          Select text and press Highlight (H), or place a Note or an Area on a page.
        </p>
      ) : null}
      <div className="ps-panel__scroll" ref={scrollRef}>
        <ol
          className="ps-panel__list"
          data-testid="annotation-list"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const a = placed[row.index]
            return a ? (
              <li
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                className="ps-row"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                {item(a)}
              </li>
            ) : null
          })}
        </ol>
        {lost.length > 0 ? (
          <section className="ps-panel__lost" aria-label="Not found in this version">
            <h4>Not found in this version of the PDF ({lost.length})</h4>
            <ol className="ps-panel__list">
              {lost.map((a) => (
                <li key={a.id}>{item(a)}</li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
    </aside>
  )
}

/** The height of an entry before it is measured. */
const ITEM_HEIGHT = 52

function AnnotationItem(props: {
  annotation: Annotation
  label: string
  active: boolean
  colors: ReadonlyArray<AnnotationColor>
  labels: ReadonlyMap<AnnotationColor, string>
  editRequest: number
  onPick: () => void
  onSave: (comment: string) => Promise<void>
  onColor: (color: AnnotationColor) => void
  onDelete: () => Promise<void>
  onCancel: () => void
}) {
  const a = props.annotation
  const [draft, setDraft] = useState(a.comment ?? '')
  const commentRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    if (props.editRequest > 0) commentRef.current?.focus()
  }, [props.editRequest])
  const what = a.kind === 'highlight' ? (a.quote ?? '') : a.kind === 'note' ? 'Sticky note' : 'Area'
  return (
    <div
      className={`ps-item${props.active ? ' ps-item--active' : ''}`}
      data-annotation-id={a.id}
      style={{ '--annot-color': COLOR_HEX[a.color] } as React.CSSProperties}
    >
      <button
        type="button"
        className="ps-item__jump"
        aria-current={props.active ? 'true' : undefined}
        onClick={props.onPick}
      >
        <span className="ps-item__page">p. {a.page}</span>
        <span className={`ps-item__text ps-item__text--${a.kind}`}>{what}</span>
      </button>
      {a.comment && !props.active ? <p className="ps-item__comment">{a.comment}</p> : null}
      {props.active ? (
        <form
          className="ps-item__edit"
          onSubmit={(event) => {
            event.preventDefault()
            void props.onSave(draft)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              setDraft(a.comment ?? '')
              props.onCancel()
            }
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault()
              void props.onSave(draft)
            }
          }}
        >
          <textarea
            ref={commentRef}
            aria-label="Comment"
            placeholder="Comment (Ctrl+Enter saves)"
            rows={3}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="ps-item__actions">
            <button type="submit" className="primary">
              Save comment
            </button>
            <select
              aria-label="Colour"
              value={a.color}
              onChange={(event) => props.onColor(event.target.value as AnnotationColor)}
            >
              {props.colors.map((color) => (
                <option key={color} value={color}>
                  {props.labels.get(color) ?? color}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void props.onDelete()}>
              Delete
            </button>
          </div>
        </form>
      ) : null}
    </div>
  )
}
