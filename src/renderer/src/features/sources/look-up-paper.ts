import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import type { ToastStore } from '../../components/toast-store'

/**
 * Looks one title-only paper up (Hugging Face, then arXiv; only an unambiguous match is taken) and
 * says what came of it. The library's change event refreshes the row and the detail pane.
 */
export async function lookUpPaper(
  api: Pick<LibraryApi, 'resolvePapers'>,
  toasts: Pick<ToastStore, 'notify' | 'fail'>,
  id: PaperId,
): Promise<void> {
  try {
    const report = await api.resolvePapers({ ids: [id] })
    const found = report.resolved[0]
    const missed = report.unresolved[0]
    const message = found
      ? `Found ${found.arxivId ? `arXiv:${found.arxivId}` : 'it'}; authors, abstract and links are filled in.`
      : `Not found: ${missed?.reason ?? 'this paper has an identifier already'}.`
    toasts.notify({ kind: 'info', message })
  } catch (error) {
    toasts.fail(error)
  }
}

/** Looks several title-only papers up and says how many were found. */
export async function lookUpPapers(
  api: Pick<LibraryApi, 'resolvePapers'>,
  toasts: Pick<ToastStore, 'notify' | 'fail'>,
  ids: ReadonlyArray<PaperId>,
): Promise<void> {
  try {
    const report = await api.resolvePapers({ ids: [...ids] })
    const found = report.resolved.length
    const left = report.unresolved.length
    const message =
      left === 0
        ? `Found all ${found} papers on Hugging Face or arXiv.`
        : `Found ${found} of ${found + left} papers; ${left} stay as they were (no single exact match).`
    toasts.notify({ kind: 'info', message })
  } catch (error) {
    toasts.fail(error)
  }
}
