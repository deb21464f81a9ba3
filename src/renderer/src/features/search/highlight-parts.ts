import type { MatchRange } from '@shared/api/library-api'

/** A run of text, marked when a search matched it. */
export type TextPart = { text: string; marked: boolean }

/**
 * Splits a field into plain and matched runs for rendering as text (never HTML). Ranges may be
 * unsorted, overlapping or out of bounds; they are clipped and merged.
 */
export function highlightParts(text: string, ranges: ReadonlyArray<MatchRange> = []): TextPart[] {
  const clipped = ranges
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(text.length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  const parts: TextPart[] = []
  let at = 0
  for (const [start, end] of clipped) {
    if (end <= at) continue
    const from = Math.max(start, at)
    if (from > at) parts.push({ text: text.slice(at, from), marked: false })
    const last = parts.at(-1)
    if (last?.marked && from === at) last.text += text.slice(from, end)
    else parts.push({ text: text.slice(from, end), marked: true })
    at = end
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false })
  return parts
}
