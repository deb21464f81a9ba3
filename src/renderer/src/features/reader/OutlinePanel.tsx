import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useEffect, useState } from 'react'
import type { SafeLinkService } from './pdfjs'

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number]

/** The document's table of contents; an entry jumps to its destination (or opens its web link via the host). */
export function OutlinePanel(props: {
  doc: PDFDocumentProxy
  linkService: SafeLinkService
  onOpenLink: (url: string) => void
}) {
  const [outline, setOutline] = useState<ReadonlyArray<OutlineNode> | null>(null)
  useEffect(() => {
    let live = true
    props.doc.getOutline().then(
      (items) => {
        if (live) setOutline(items ?? [])
      },
      () => {
        if (live) setOutline([])
      },
    )
    return () => {
      live = false
    }
  }, [props.doc])
  if (outline === null) return <p className="pdf-side__empty">Reading the contents…</p>
  if (outline.length === 0) {
    return <p className="pdf-side__empty">This PDF has no table of contents.</p>
  }
  const open = (node: OutlineNode) => {
    if (node.dest) void props.linkService.goToDestination(node.dest)
    else if (node.url) props.onOpenLink(node.url)
  }
  const render = (nodes: ReadonlyArray<OutlineNode>, depth: number) => (
    <ul className="pdf-outline" role={depth === 0 ? 'tree' : 'group'}>
      {nodes.map((node, index) => (
        <li key={index} role="treeitem" aria-selected={false}>
          <button
            type="button"
            onClick={() => open(node)}
            style={{ paddingLeft: `${8 + depth * 12}px` }}
          >
            {node.title || 'Untitled'}
          </button>
          {node.items.length > 0 ? render(node.items, depth + 1) : null}
        </li>
      ))}
    </ul>
  )
  return <nav aria-label="Table of contents">{render(outline, 0)}</nav>
}
