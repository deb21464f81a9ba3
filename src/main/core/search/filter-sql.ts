import type { QueryFilter } from '@shared/search/query-syntax'
import { splitWords } from '@shared/search/query-syntax'
import { annotatedCondition, annotationWordsCondition } from '../annotations/annotation-filter'
import {
  fromSourceNamed,
  hasStatus,
  hasStoredPdf,
  hasTag,
  isNew,
  isStarred,
  not,
  publishedIn,
  type NewCutoff,
  type SqlCondition,
} from '../db/view-filter'

/**
 * SQL conditions on `papers p` and their parameters, ANDed together; `fts` are FTS5 expressions
 * every match must also satisfy (author and organization filters run inside the index).
 */
export type FilterSql = { where: string[]; params: unknown[]; fts: string[] }

/** What filters need from outside the query: what "new" means now. */
export type FilterContext = { newCutoff: () => NewCutoff }

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
  const add = (negated: boolean, condition: SqlCondition) => {
    const { sql, params: values } = negated ? not(condition) : condition
    where.push(sql)
    params.push(...values)
  }
  for (const filter of filters) {
    switch (filter.kind) {
      case 'tag':
        add(filter.negated, hasTag(filter.value))
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
        add(true, {
          sql: 'p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)',
          params: [`{${column}}: ${prefixPhrase(words)}`],
        })
        break
      }
      case 'year':
        add(filter.negated, publishedIn(filter.from, filter.to))
        break
      case 'is':
        switch (filter.value) {
          case 'unread':
          case 'reading':
          case 'read':
            add(filter.negated, hasStatus(filter.value))
            break
          case 'starred':
            add(filter.negated, isStarred())
            break
          case 'pdf':
            add(filter.negated, hasStoredPdf())
            break
          case 'new':
            add(filter.negated, isNew(context.newCutoff()))
            break
          case 'annotated':
            add(filter.negated, { sql: annotatedCondition(), params: [] })
            break
        }
        break
      case 'annotation': {
        const condition = annotationWordsCondition(filter.value)
        if (condition) add(filter.negated, condition)
        break
      }
      case 'source':
        add(filter.negated, fromSourceNamed(filter.value))
        break
    }
  }
  return { where, params, fts }
}
