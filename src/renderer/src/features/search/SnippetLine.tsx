import type { SearchSnippet } from '@shared/api/search-api'
import { highlightParts } from './highlight-parts'

const WHERE = { abstract: 'Abstract', note: 'Note', pdf: 'PDF', annotation: 'Annotation' } as const

/** The passage a search matched in the abstract, note or PDF text, with "p. N" for a PDF page. */
export function SnippetLine({
  snippet,
  onOpen,
}: {
  snippet: SearchSnippet
  /** Opens the hit (the reader at the page); absent when the snippet opens nothing. */
  onOpen?: () => void
}) {
  const page = snippet.page === null ? '' : `p. ${snippet.page}`
  const where =
    snippet.field === 'pdf' && page
      ? page
      : snippet.field === 'annotation'
        ? `${WHERE.annotation} ${page}`.trim()
        : WHERE[snippet.field]
  return (
    <div
      className={`search-snippet${onOpen ? ' search-snippet--openable' : ''}`}
      data-testid="search-snippet"
      data-field={snippet.field}
      title={onOpen ? 'Open the PDF at this page (Enter)' : undefined}
      onClick={
        onOpen
          ? (event) => {
              event.stopPropagation()
              onOpen()
            }
          : undefined
      }
    >
      <span className="search-snippet__where">{where}</span>
      <span className="search-snippet__text">
        {highlightParts(snippet.text, snippet.highlights).map((part, index) =>
          part.marked ? <mark key={index}>{part.text}</mark> : part.text,
        )}
      </span>
    </div>
  )
}
