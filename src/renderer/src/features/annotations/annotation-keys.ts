import type { Annotation } from '@shared/model/annotation'

/** What a key does for annotations in the reader. */
export type AnnotationKeyAction = 'highlight' | 'next-annotation' | 'previous-annotation'

/** The keys the reader's annotations take (not in text fields, not with modifiers). */
export const ANNOTATION_KEYS: ReadonlyArray<{
  key: string
  action: AnnotationKeyAction
  description: string
}> = [
  { key: 'h', action: 'highlight', description: 'Highlight the selected text' },
  { key: ']', action: 'next-annotation', description: 'Next annotation' },
  { key: '[', action: 'previous-annotation', description: 'Previous annotation' },
]

/** The action of a key press, or null. */
export function annotationKey(event: {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  target: EventTarget | null
}): AnnotationKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  const target = event.target as HTMLElement | null
  if (
    target &&
    (target.tagName === 'INPUT' ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT' ||
      target.isContentEditable)
  ) {
    return null
  }
  return ANNOTATION_KEYS.find((k) => k.key === event.key.toLowerCase())?.action ?? null
}

/**
 * The annotation after (or before) the active one in page order; with none active, the first
 * one on or after (before) the current page. Wraps around at the ends.
 */
export function nextAnnotation(
  inOrder: ReadonlyArray<Annotation>,
  activeId: number | null,
  currentPage: number,
  direction: 1 | -1,
): Annotation | null {
  if (inOrder.length === 0) return null
  const active = inOrder.findIndex((a) => a.id === activeId)
  if (active !== -1) {
    return inOrder[(active + direction + inOrder.length) % inOrder.length] ?? null
  }
  const found =
    direction === 1
      ? inOrder.find((a) => a.page >= currentPage)
      : [...inOrder].reverse().find((a) => a.page <= currentPage)
  return found ?? (direction === 1 ? inOrder[0] : inOrder.at(-1)) ?? null
}
