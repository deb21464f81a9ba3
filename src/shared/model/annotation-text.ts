/**
 * Text compared without case or whitespace: a selection in the reader and the indexed page text
 * break lines and join words differently, but their letters come in the same order.
 */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00ad]+/g, '')
}

/** How many characters of context are kept on each side of a highlight, to find it again. */
export const QUOTE_CONTEXT_CHARS = 64
