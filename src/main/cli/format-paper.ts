import type { Paper, PaperDetail } from '@shared/model/paper'
import { displayTitle } from '@shared/model/paper'
import type { Tag } from '@shared/model/tag'
import { oneLineText as oneLine } from '@shared/util/display-text'

/** The paper JSON shape every `--json` output uses (extra keys only for `show`). */
export function paperJson(paper: Paper): Paper {
  const {
    id,
    arxivId,
    doi,
    title,
    abstract,
    authors,
    authorCount,
    organization,
    publishedAt,
    upvotes,
    tags,
    status,
    starred,
    note,
    addedAt,
  } = paper
  return {
    id,
    arxivId,
    doi,
    title,
    abstract,
    authors,
    authorCount,
    organization,
    publishedAt,
    upvotes,
    tags,
    status,
    starred,
    note,
    addedAt,
  }
}

/** Who wrote it, as briefly as the data allows: first authors, a count, or the organization. */
export function byline(paper: Paper): string {
  if (paper.authors.length > 0) {
    const shown = paper.authors.slice(0, 3).join(', ')
    return paper.authors.length > 3 ? `${shown} et al.` : shown
  }
  const count =
    paper.authorCount === null
      ? null
      : `${paper.authorCount} author${paper.authorCount === 1 ? '' : 's'}`
  return [paper.organization, count].filter(Boolean).join(' · ')
}

/** One line per paper: id, date, upvotes, status, title, tags. */
export function paperLine(paper: Paper): string {
  const flags = `${paper.starred ? '★' : ' '}${statusMark(paper)}`
  const upvotes = paper.upvotes === null ? '' : `▲${paper.upvotes}`
  const tags = paper.tags.length > 0 ? `  [${paper.tags.join(', ')}]` : ''
  return `${String(paper.id).padStart(6)} ${flags} ${(paper.publishedAt ?? '').padEnd(10)} ${upvotes.padStart(5)}  ${oneLine(displayTitle(paper))}${tags}`
}

/** A paper's full record for `show`. */
export function paperDetailText(paper: PaperDetail): string {
  const rows: Array<[string, string | null]> = [
    ['Title', displayTitle(paper)],
    ['Authors', byline(paper) || null],
    ['Published', paper.publishedAt],
    [
      'arXiv',
      paper.arxivId && `${paper.arxivId}${paper.latestVersion ? `v${paper.latestVersion}` : ''}`,
    ],
    ['DOI', paper.doi],
    ['Upvotes', paper.upvotes === null ? null : String(paper.upvotes)],
    ['Status', `${paper.status}${paper.starred ? ', starred' : ''}`],
    ['Triage', paper.triage === 'library' ? null : paper.triage],
    ['Rules', paper.ruleNote],
    ['Tags', paper.tags.join(', ') || null],
    ['Suggested', paper.suggestedTags.map((t) => t.label).join(', ') || null],
    ['Links', Object.values(paper.links).filter(Boolean).join('  ') || null],
    [
      'From',
      paper.provenance
        .map((p) => `${p.sourceName}${p.rank === null ? '' : ` #${p.rank}`}`)
        .join('; ') || null,
    ],
    ['Added', paper.addedAt],
    ['Note', paper.note],
  ]
  const head = rows
    .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
    .map(([label, value]) => `${`${label}:`.padEnd(11)}${oneLine(value)}`)
  const abstract = (paper.abstract ?? '(no abstract yet)').split('\n').map(oneLine).join('\n')
  return [`#${paper.id}`, ...head, '', abstract].join('\n')
}

/** One line per tag with its count. */
export function tagLine(tag: Tag): string {
  return `${String(tag.paperCount).padStart(6)}  ${tag.name}${tag.color ? `  (${tag.color})` : ''}`
}

function statusMark(paper: Paper): string {
  return paper.status === 'read' ? '✓' : paper.status === 'reading' ? '…' : '•'
}
