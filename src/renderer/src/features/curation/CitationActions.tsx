import { useRef, type DragEvent, type ReactNode } from 'react'
import type { PaperDetail } from '@shared/model/paper'
import { quickReference, type CitationSource } from './citation-source'

/** Says what happened: "Copied …", or the error. */
export type Notify = { done: (message: string) => void; fail: (error: unknown) => void }

/** "Copy citation", "Copy BibTeX" and "Copy key" for the open paper. */
export function CitationActions({
  paper,
  source,
  notify,
}: {
  paper: PaperDetail
  source: CitationSource
  notify: Notify
}) {
  const copy = (what: string, text: () => Promise<string>) => {
    text()
      .then((value) => navigator.clipboard.writeText(value))
      .then(
        () => notify.done(`Copied the ${what}.`),
        (error: unknown) => notify.fail(error),
      )
  }
  return (
    <div className="detail__cite" role="group" aria-label="Cite">
      <button
        type="button"
        title="Copy the reference (APA) to the clipboard"
        onClick={() => copy('citation', async () => (await source.cite(paper.id)).text)}
      >
        Copy citation
      </button>
      <button
        type="button"
        title="Copy the BibTeX entry to the clipboard"
        onClick={() => copy('BibTeX entry', () => source.bibtex(paper.id))}
      >
        Copy BibTeX
      </button>
      <button
        type="button"
        title="Copy the citation key (for \cite{…}) to the clipboard"
        onClick={() => copy('citation key', async () => (await source.cite(paper.id)).key)}
      >
        Copy key
      </button>
    </div>
  )
}

/**
 * The paper's title, which drags out (into a text editor, a mail) as its citation. The citation is
 * asked for when the pointer goes down, so it is usually there when the drag starts; if not, a
 * reference made on the spot goes instead.
 */
export function CitationDragSource({
  paper,
  source,
  children,
}: {
  paper: PaperDetail
  source: CitationSource
  children: ReactNode
}) {
  const ready = useRef<{ id: number; text: string } | null>(null)
  const prefetch = () => {
    if (ready.current?.id === paper.id) return
    const id = paper.id
    source.cite(id).then(
      (citation) => {
        ready.current = { id, text: citation.text }
      },
      () => undefined,
    )
  }
  const onDragStart = (event: DragEvent) => {
    const text = ready.current?.id === paper.id ? ready.current.text : quickReference(paper)
    event.dataTransfer.setData('text/plain', text)
    event.dataTransfer.effectAllowed = 'copy'
  }
  return (
    <div
      className="detail__drag"
      draggable
      title="Drag into a document to insert its citation"
      data-testid="citation-drag"
      onPointerDown={prefetch}
      onDragStart={onDragStart}
    >
      {children}
    </div>
  )
}
