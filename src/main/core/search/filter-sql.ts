import type { QueryFilter } from '@shared/search/query-syntax'
import { splitWords } from '@shared/search/query-syntax'
import { annotatedCondition, annotationWordsCondition } from '../annotations/annotation-filter'

/**
 * SQL conditions on `papers p` and their parameters, ANDed together; `fts` are FTS5 expressions
 * every match must also satisfy (author and organization filters run inside the index).
 */
export type FilterSql = { where: string[]; params: unknown[]; fts: string[] }

/** What filters need from outside the query: when "new" begins. */
export type FilterContext = { newSince: () => string }

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** An FTS5 expression matching a phrase whose last word may be a prefix. */
export function prefixPhrase(words: ReadonlyArray<string>): string {
  return `"${words.join(' ').replace(/"/g, '""')}"*`
}

/**
 * The SQL for operator filters: tags (with their children), authors and organizations through the
 * full-text index (case and accents ignored, word prefixes), years, reading state, stored PDFs,
 * new papers, and the source a paper came from.
 */
export function filterSql(filters: ReadonlyArray<QueryFilter>, context: FilterContext): FilterSql {
  const where: string[] = []
  const params: unknown[] = []
  const fts: string[] = []
  const add = (negated: boolean, condition: string, ...values: unknown[]) => {
    where.push(negated ? `NOT coalesce(${condition}, 0)` : condition)
    params.push(...values)
  }
  for (const filter of filters) {
    switch (filter.kind) {
      case 'tag':
        add(
          filter.negated,
          `EXISTS (SELECT 1 FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                   WHERE pt.paper_id = p.id AND (t.name = ? OR t.name LIKE ? ESCAPE '\\'))`,
          filter.value,
          `${likeEscape(filter.value)}/%`,
        )
        break
      case 'author':
      case 'org': {
        const words = splitWords(filter.value)
        if (words.length === 0) break
        const column = filter.kind === 'author' ? 'authors' : 'org'
        if (!filter.negated) {
          fts.push(`{${column}}: ${prefixPhrase(words)}`)
          break
        }
        add(
          filter.negated,
          'p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)',
          `{${column}}: ${prefixPhrase(words)}`,
        )
        break
      }
      case 'year':
        add(
          filter.negated,
          'CAST(substr(p.published_at, 1, 4) AS INTEGER) BETWEEN ? AND ?',
          filter.from,
          filter.to,
        )
        break
      case 'is':
        switch (filter.value) {
          case 'unread':
          case 'reading':
          case 'read':
            add(filter.negated, 'p.status = ?', filter.value)
            break
          case 'starred':
            add(filter.negated, 'p.starred = 1')
            break
          case 'pdf':
            add(filter.negated, 'EXISTS (SELECT 1 FROM paper_files f WHERE f.paper_id = p.id)')
            break
          case 'new':
            add(filter.negated, 'p.added_at >= ?', context.newSince())
            break
          case 'annotated':
            add(filter.negated, annotatedCondition())
            break
        }
        break
      case 'annotation': {
        const condition = annotationWordsCondition(filter.value)
        if (condition) add(filter.negated, condition.sql, ...condition.params)
        break
      }
      case 'source':
        add(
          filter.negated,
          `EXISTS (SELECT 1 FROM paper_sources ps JOIN sources s ON s.id = ps.source_id
                   WHERE ps.paper_id = p.id AND (s.name LIKE ? ESCAPE '\\' OR s.key = ?))`,
          `${likeEscape(filter.value)}%`,
          filter.value,
        )
        break
    }
  }
  return { where, params, fts }
}
