import { arxivAbsUrl } from './csl-items'
import type { ExportRecord } from './export-records'

/** A paper with the heading path it is listed under (null: before any heading). */
export type SectionedRecord = { record: ExportRecord; section: ReadonlyArray<string> | null }

// Characters that would end or open Markdown syntax inside link text or a heading.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|]/g

function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
}

/**
 * An awesome-style list: papers grouped under their headings in the given order (a section's
 * papers stay together where the section first appears), one line each with the title linking
 * the paper (arXiv, else DOI, else PDF, else a search for its title), PDF and code links, authors and date. The awesome-list
 * importer reads it back to the same papers, sections and order.
 */
export function writeAwesome(
  title: string | null,
  records: ReadonlyArray<SectionedRecord>,
): string {
  const groups = new Map<string, { path: ReadonlyArray<string> | null; records: ExportRecord[] }>()
  for (const { record, section } of records) {
    const key = section === null ? '' : JSON.stringify(section)
    const group = groups.get(key) ?? { path: section, records: [] }
    group.records.push(record)
    groups.set(key, group)
  }
  const lines: string[] = []
  if (title !== null) lines.push(`# ${escapeMarkdown(title)}`, '')
  const depth = title === null ? 1 : 2
  let previous: ReadonlyArray<string> = []
  for (const { path, records: group } of groups.values()) {
    const current = path ?? []
    // Only the headings that differ from the previous section's are written again.
    let same = 0
    while (same < current.length && same < previous.length && current[same] === previous[same]) {
      same++
    }
    for (let level = same; level < current.length; level++) {
      lines.push(
        `${'#'.repeat(Math.min(6, depth + level))} ${escapeMarkdown(current[level] ?? '')}`,
        '',
      )
    }
    previous = current
    for (const record of group) lines.push(entryLine(record))
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

function entryLine(record: ExportRecord): string {
  const title = escapeMarkdown(record.title ?? record.arxivId ?? record.doi ?? `Paper ${record.id}`)
  const main = record.arxivId
    ? arxivAbsUrl(record.arxivId)
    : record.doi
      ? `https://doi.org/${record.doi}`
      : (record.pdfUrl ?? titleSearchUrl(record.title))
  const parts = [main ? `[${title}](${linkTarget(main)})` : title]
  const pdf = record.arxivId ? `https://arxiv.org/pdf/${record.arxivId}` : record.pdfUrl
  if (pdf && pdf !== main) parts.push(`[PDF](${linkTarget(pdf)})`)
  if (record.codeUrl) parts.push(`[Code](${linkTarget(record.codeUrl)})`)
  const byline = [
    record.authors.length > 3
      ? `${record.authors.slice(0, 3).join(', ')} et al.`
      : record.authors.join(', '),
    record.publishedAt ?? '',
  ]
    .filter((p) => p !== '')
    .map(escapeMarkdown)
    .join(', ')
  return `- ${parts.join(' · ')}${byline ? ` — ${byline}` : ''}`
}

/** A paper known only by its title is linked to a search for it, so readers (and importers) can find it. */
function titleSearchUrl(title: string | null): string | null {
  return title ? `https://www.semanticscholar.org/search?q=${encodeURIComponent(title)}` : null
}

/** A URL as a link destination: angle brackets when it holds spaces or parentheses. */
function linkTarget(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url
}
