import { squash } from '@shared/model/annotation-text'

/** A page's text. */
export type PageText = { page: number; text: string }

/** What is looked for: the quote, the text around it when made, and the page it was on. */
export type QuoteTarget = {
  quote: string
  prefix: string | null
  suffix: string | null
  page: number
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1
  return n
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1
  return n
}

/**
 * The page of a new file version that holds the quote, or null. Among several occurrences the one
 * whose surrounding text matches the old context best wins, then the one nearest the old page.
 */
export function locateQuote(pages: ReadonlyArray<PageText>, target: QuoteTarget): number | null {
  const quote = squash(target.quote)
  if (quote === '') return null
  const prefix = squash(target.prefix ?? '')
  const suffix = squash(target.suffix ?? '')
  let best: { page: number; context: number; distance: number } | null = null
  for (const { page, text } of pages) {
    const flat = squash(text)
    for (let at = flat.indexOf(quote); at !== -1; at = flat.indexOf(quote, at + 1)) {
      const context =
        commonSuffixLength(flat.slice(0, at), prefix) +
        commonPrefixLength(flat.slice(at + quote.length), suffix)
      const distance = Math.abs(page - target.page)
      if (
        !best ||
        context > best.context ||
        (context === best.context && distance < best.distance)
      ) {
        best = { page, context, distance }
      }
    }
  }
  return best?.page ?? null
}
