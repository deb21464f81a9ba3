import type { DraftAuthor } from './paper-draft'
import { latexToText } from './latex-text'

/**
 * Splits an arXiv listing's `dc:creator` string: authors joined by `, `, each possibly followed by
 * its affiliations in parentheses (`Name (Affil1, Affil2)`), so only commas outside parentheses
 * separate authors. TeX accents become Unicode.
 */
export function splitCreatorList(text: string): DraftAuthor[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of text) {
    if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    if (char === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts
    .map((part) => part.trim().replace(/^and\s+/i, ''))
    .filter((part) => part !== '')
    .map(toAuthor)
}

function toAuthor(part: string): DraftAuthor {
  const match = /^(.*?)\s*\((.*)\)\s*$/s.exec(part)
  const name = latexToText(match?.[1]?.trim() || part).trim()
  const affiliation = match?.[2]?.trim() ? latexToText(match[2].trim()) : null
  return { name, affiliation }
}
