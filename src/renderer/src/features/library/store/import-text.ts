import type { LibraryStore } from '../library-store'
import type { StoreContext } from './store-context'

/** Imports text through the library's import and says what came of it (errors reject). */
export function createImportText(ctx: StoreContext): LibraryStore['importText'] {
  return async (text, sourceName, tags) => {
    const report = await ctx.api.importText({ text, sourceName, tags: [...tags] })
    ctx.toasts.notify({
      kind: 'info',
      message: `Imported ${sourceName}: ${report.added} added, ${report.updated} updated.`,
    })
    return report
  }
}
