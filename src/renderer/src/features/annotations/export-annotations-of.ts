import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import type { ToastStore } from '../../components/toast-store'
import { downloadText } from './download-text'

/** Whose annotations: papers (the focused one or a selection), a tag with its sub-tags, a list. */
export type AnnotationScope = { ids: PaperId[] } | { tag: string } | { listId: number }

/**
 * Exports the annotations of papers, a tag or a list as one Markdown download (pictures inline),
 * one paper after another; says so when none of them has any.
 */
export async function exportAnnotationsOf(
  api: Pick<LibraryApi, 'exportAnnotations'>,
  scope: AnnotationScope,
  label: string,
  toasts: ToastStore,
): Promise<void> {
  try {
    const { files } = await api.exportAnnotations(scope)
    const [first] = files
    if (!first) {
      toasts.notify({ kind: 'info', message: `No annotations in ${label}.` })
      return
    }
    const name = files.length === 1 ? first.name : `annotations-${fileLabel(label)}.md`
    downloadText(name, files.map((file) => file.markdown.trimEnd()).join('\n\n---\n\n') + '\n')
  } catch (error) {
    toasts.fail(error)
  }
}

function fileLabel(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'papers'
  )
}
