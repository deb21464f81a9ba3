import type { Annotation, ColorLabel } from '@shared/model/annotation'
import type { PaperDetail } from '@shared/model/paper'
import { displayTitle } from '@shared/model/paper'

/** Where a paper's annotations go: the picture file of an area highlight (relative or data URL). */
export type ImageRef = (annotation: Annotation) => string | null

/** Inline text with Markdown and HTML meaning removed (titles and quotes come from PDFs and servers). */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|!])/g, '\\$1')
}

/** A comment keeps its Markdown (the user wrote it) but never raw HTML. */
function commentBlock(comment: string): string {
  return comment.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The paper's page on the web: its abstract page, else its DOI. */
export function paperLink(paper: PaperDetail): string | null {
  if (paper.links.abs) return paper.links.abs
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`
  if (paper.doi) return `https://doi.org/${encodeURI(paper.doi)}`
  return null
}

/** A file name from a title: letters, digits and dashes, short, never empty. */
export function fileStem(paper: Pick<PaperDetail, 'id' | 'title' | 'arxivId' | 'doi'>): string {
  const words = displayTitle(paper)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g)
  const slug = (words ?? []).join('-').slice(0, 60).replace(/-+$/, '')
  return slug === '' ? `paper-${paper.id}` : `${paper.id}-${slug}`
}

/**
 * A paper's annotations as Markdown: title, authors and link, then each annotation in page order:
 * highlights as quotes with page, colour meaning and comment; sticky notes; area highlights as
 * pictures. Annotations that could not be placed on the current file are listed last.
 */
export function annotationsMarkdown(
  paper: PaperDetail,
  annotations: ReadonlyArray<Annotation>,
  colors: ReadonlyArray<ColorLabel>,
  imageRef: ImageRef,
): string {
  const meaning = new Map(colors.map((c) => [c.color, c.label]))
  const lines: string[] = [`# ${escapeInline(displayTitle(paper))}`, '']
  if (paper.authors.length > 0) lines.push(escapeInline(paper.authors.join(', ')), '')
  const link = paperLink(paper)
  if (link) lines.push(`<${link}>`, '')
  const placed = annotations.filter((a) => a.anchor !== 'unanchored')
  const lost = annotations.filter((a) => a.anchor === 'unanchored')
  const entry = (a: Annotation) => {
    const label = `${meaning.get(a.color) ?? a.color} (${a.color})`
    const where = `p. ${a.page} · ${escapeInline(label)}`
    if (a.kind === 'highlight') {
      const quote = (a.quote ?? '')
        .trim()
        .split(/\r?\n/)
        .map((l) => `> ${escapeInline(l)}`)
      lines.push(...quote, '', `— ${where}`, '')
    } else if (a.kind === 'area') {
      const image = imageRef(a)
      lines.push(image ? `![Area on page ${a.page}](${image})` : `*Area on page ${a.page}*`, '')
      lines.push(`— ${where}`, '')
    } else {
      lines.push(`**Note** — ${where}`, '')
    }
    if (a.comment && a.comment.trim() !== '') lines.push(commentBlock(a.comment), '')
  }
  placed.forEach(entry)
  if (lost.length > 0) {
    lines.push('## Not found in the current version of the PDF', '')
    lost.forEach(entry)
  }
  return `${lines.join('\n').trimEnd()}\n`
}
