import type { LibraryStore } from '../library-store'
import type { ListWindow } from './list-window'
import type { StoreContext } from './store-context'
import type { Undo } from './undo'

/** Tags as things of their own: create, rename, recolor, merge, delete. */
export type TagAdmin = Pick<
  LibraryStore,
  'createTag' | 'renameTag' | 'recolorTag' | 'mergeTags' | 'deleteTag'
>

/** Creates the tag admin; a tag view follows its tag when renamed, and leaves when it goes. */
export function createTagAdmin(
  ctx: StoreContext,
  undo: Pick<Undo, 'recordUndo'>,
  listWindow: Pick<ListWindow, 'setScope'>,
): TagAdmin {
  const { api, toasts } = ctx
  return {
    createTag: (name) =>
      ctx.run(async () => {
        await api.createTag({ name })
      }),
    renameTag: (id, name) =>
      ctx.run(async () => {
        const before = ctx.get().tags.find((tag) => tag.id === id)
        await api.renameTag({ id, name })
        const { scope } = ctx.get()
        if (scope.kind === 'tag' && before && scope.tag === before.name) {
          ctx.set({ scope: { kind: 'tag', tag: name } })
        }
        if (before) {
          undo.recordUndo(`Renamed #${before.name} to #${name}`, async () => {
            await api.renameTag({ id, name: before.name })
          })
        }
      }),
    recolorTag: (id, color) =>
      ctx.run(async () => {
        await api.setTagColor({ id, color })
      }),
    mergeTags: (ids, into) =>
      ctx.run(async () => {
        const { tags } = ctx.get()
        const target = tags.find((tag) => tag.id === into)
        const merged = new Set(
          tags.filter((tag) => ids.includes(tag.id) && tag.id !== into).map((t) => t.name),
        )
        await api.mergeTags({ ids: [...ids], into })
        toasts.notify({ kind: 'info', message: `Merged into #${target?.name ?? into}` })
        const { scope } = ctx.get()
        if (scope.kind === 'tag' && merged.has(scope.tag)) {
          listWindow.setScope({ kind: 'view', view: 'all' })
        }
      }),
    deleteTag: (id) =>
      ctx.run(async () => {
        const deleted = await api.deleteTag({ id })
        const { scope } = ctx.get()
        if (scope.kind === 'tag' && scope.tag === deleted.name) {
          listWindow.setScope({ kind: 'view', view: 'all' })
        }
        undo.recordUndo(`Deleted #${deleted.name}`, async () => {
          await api.createTag({ name: deleted.name, color: deleted.color })
          if (deleted.paperIds.length > 0) {
            await api.updatePapers({ ids: [...deleted.paperIds], addTags: [deleted.name] })
          }
        })
      }),
  }
}
