import { STATUS_CYCLE } from '@shared/api/library-ui'
import type { LibraryStore } from '../library-store'
import { plural } from '../paper-format'
import type { LoadedRows } from './loaded-rows'
import type { PaperSelection } from './paper-selection'
import type { Refresher } from './refresh'
import type { RowsInMemory } from './rows-in-memory'
import type { StoreContext } from './store-context'
import type { TagAdmin } from './tag-admin'
import type { Undo } from './undo'

/** Edits of the user's fields of papers (star, status, tags, note), each one undoable. */
export type PaperEdits = Pick<
  LibraryStore,
  | 'edit'
  | 'toggleStar'
  | 'cycleStatus'
  | 'setStatus'
  | 'addTags'
  | 'removeTag'
  | 'removeTags'
  | 'setNote'
>

/** Creates the edits; by default they apply to the selection, else the focused paper. */
export function createPaperEdits(parts: {
  ctx: StoreContext
  rows: LoadedRows
  inMemory: Pick<RowsInMemory, 'patch'>
  refresher: Pick<Refresher, 'refresh'>
  selection: Pick<PaperSelection, 'targets'>
  undo: Undo
  tagAdmin: Pick<TagAdmin, 'deleteTag'>
}): PaperEdits {
  const { ctx, rows, inMemory, refresher, selection, undo, tagAdmin } = parts
  const { api, toasts } = ctx

  const edit: PaperEdits['edit'] = async (label, patch, ids = selection.targets()) => {
    if (ids.length === 0) return
    // The rows change before the call returns, so a key pressed again at once (a second `s`)
    // reads the new state, not the old one; a refused edit is undone by the refetch.
    inMemory.patch(ids, patch)
    // The core's `library.changed` event then drives one refresh of what the edit can affect.
    await ctx.run(async () => {
      const result = await api.updatePapers({ ...patch, ids: [...ids] }).catch(async (error) => {
        await refresher.refresh()
        throw error
      })
      if (result.undo.length > 0) {
        undo.recordUndo(label, async () => {
          for (const step of result.undo) await api.updatePapers(step)
        })
      }
    })
  }

  const setStatus: PaperEdits['setStatus'] = async (status) => {
    const ids = selection.targets()
    await edit(`Marked ${plural(ids.length)} as ${status}`, { status }, ids)
  }

  const removeTags: PaperEdits['removeTags'] = async (tags, ids = selection.targets()) => {
    if (tags.length === 0) return
    const label = `Removed ${tags.map((tag) => `#${tag}`).join(' ')} from ${plural(ids.length)}`
    await edit(label, { removeTags: [...tags] }, ids)
    if (ctx.get().undo.at(-1)?.label !== label) return
    await ctx.run(async () => {
      // A tag left on no paper should not linger as if in use: offer to delete it.
      const names = new Set(tags.map((tag) => tag.toLowerCase()))
      const unused = (await api.listTags({})).filter(
        (tag) => tag.paperCount === 0 && names.has(tag.name.toLowerCase()),
      )
      if (unused.length === 0) return
      const left = unused.map((tag) => `#${tag.name}`).join(' ')
      toasts.notify({
        kind: 'info',
        message: `${label}. No paper has ${left} now.`,
        action: { label: 'Undo', run: () => void undo.undo() },
        secondAction: {
          label: unused.length === 1 ? 'Delete tag' : 'Delete tags',
          run: () => {
            void (async () => {
              for (const tag of unused) await tagAdmin.deleteTag(tag.id)
            })()
          },
        },
      })
    })
  }

  return {
    edit,
    async toggleStar() {
      const ids = selection.targets()
      const starred = !ids.every((id) => rows.find(id)?.starred === true)
      const label = starred ? `Starred ${plural(ids.length)}` : `Unstarred ${plural(ids.length)}`
      await edit(label, { starred }, ids)
    },
    async cycleStatus() {
      const row = rows.at(ctx.get().focusIndex)
      if (!row) return
      const next =
        STATUS_CYCLE[(STATUS_CYCLE.indexOf(row.status) + 1) % STATUS_CYCLE.length] ?? 'unread'
      await setStatus(next)
    },
    setStatus,
    async addTags(tags, ids = selection.targets()) {
      if (tags.length === 0) return
      await edit(
        `Tagged ${plural(ids.length)} ${tags.map((tag) => `#${tag}`).join(' ')}`,
        { addTags: [...tags] },
        ids,
      )
    },
    removeTag: (tag, ids) => removeTags([tag], ids),
    removeTags,
    setNote: (id, note) =>
      ctx.run(async () => {
        await api.setNote({ id, note: note.trim() === '' ? null : note })
      }),
  }
}
