import { Suspense, useEffect, useMemo, useRef, useState } from 'react'
import type { Tag } from '@shared/model/tag'
import type { PaperId } from '@shared/model/ids'
import { PromptDialog } from '../../components/PromptDialog'
import { ResizeHandle } from '../../components/ResizeHandle'
import type { ToastStore } from '../../components/toast-store'
import { Toasts } from '../../components/Toasts'
import { fitPanes, LIST_MIN_WIDTH, useWindowWidth } from '../../hooks/fit-panes'
import { usePaneSizes } from '../../hooks/use-pane-sizes'
import { LazyReader, type ReaderProps } from '../../hooks/use-reader'
import { shallowEqual, useStore, useStoreSlice } from '../../hooks/use-store'
import { useTheme } from '../../hooks/use-theme'
import { exportAnnotationsOf } from '../annotations/export-annotations-of'
import { APP_COMMANDS } from '../commands/app-commands'
import { DetailPane } from '../detail/DetailPane'
import type { TopicsLoader } from '../topics/LearnedTopics'
import { AddSourceDialog } from '../dialogs/AddSourceDialog'
import { CommandPalette } from '../dialogs/CommandPalette'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import { ImportDialog } from '../dialogs/ImportDialog'
import { ShortcutsDialog } from '../dialogs/ShortcutsDialog'
import { RulesDialog } from '../dialogs/RulesDialog'
import type { DownloadsStore } from '../downloads/downloads-store'
import { DownloadsPanel } from '../downloads/DownloadsPanel'
import { StorageDialog } from '../downloads/StorageDialog'
import { PairingsDialog, type PairingsApi } from '../browser/PairingsDialog'
import { usePdfDrop } from '../downloads/use-pdf-drop'
import { usePdfStored } from '../downloads/use-pdf-stored'
import { TagColorDialog } from '../dialogs/TagColorDialog'
import { readerTargetOf } from '../search/reader-target'
import { SearchBox } from '../search/SearchBox'
import { commandForKey, type CommandId } from '../shortcuts/shortcut-map'
import { ListsSection } from '../sidebar/ListsSection'
import { SavedSearches } from '../sidebar/SavedSearches'
import { SmartViews } from '../sidebar/SmartViews'
import { SourcesSection } from '../sidebar/SourcesSection'
import { TagsSection, type TagMenuAction } from '../sidebar/TagsSection'
import { BulkTagDialog } from '../tags/BulkTagDialog'
import type { SavedSearch } from '@shared/api/search-api'
import type { SourcesStore } from '../sources/sources-store'
import { BulkBar } from './BulkBar'
import { FirstRun, STARTER_LIST } from './FirstRun'
import type { LibraryState, LibraryStore } from './library-store'
import { ListHeader } from './ListHeader'
import { TriageBar } from './TriageBar'
import { createTriageStore } from './triage-store'
import { PaperList } from './PaperList'
import { emptySyncNotice } from '../sources/empty-sync'
import { lookUpPaper, lookUpPapers } from '../sources/look-up-paper'
import { apiCitationSource } from '../curation/citation-source'
import { MetadataDialog } from '../curation/MetadataDialog'
import { DuplicatesDialog } from '../curation/DuplicatesDialog'
import { AutoExportsDialog, type AutoExportTarget } from '../curation/AutoExportsDialog'
import type { MetadataEdit } from '@shared/api/curation-api'
import type { SourceSummary } from '@shared/model/sync-source'

/** Focuses a paper's row once the list is back on screen (after the reader closes), else the list. */
function focusRowAfterRender(id: PaperId, attempts = 20): void {
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`.paper-list [data-paper-id="${id}"]`)
    if (row) row.focus()
    else if (attempts > 0) focusRowAfterRender(id, attempts - 1)
    else document.querySelector<HTMLElement>('.paper-list')?.focus()
  })
}

type Modal =
  | { kind: 'add-source' }
  | { kind: 'import' }
  | { kind: 'shortcuts' }
  | { kind: 'palette' }
  | { kind: 'bulk-tag'; remove: boolean }
  | { kind: 'new-tag' }
  | { kind: 'new-list' }
  | { kind: 'tag'; action: TagMenuAction; tag: Tag }
  | { kind: 'storage' }
  | { kind: 'empty-trash' }
  | { kind: 'rules'; source: SourceSummary }
  | { kind: 'metadata' }
  | { kind: 'duplicates' }
  | { kind: 'pairings' }
  | { kind: 'auto-exports'; target: AutoExportTarget | null }

/** The whole screen: sidebar, paper list, detail pane (or reader), dialogs, keyboard and toasts. */
export function LibraryShell({
  store,
  sources,
  toasts,
  loadSavedSearches,
  downloads,
  topics,
  readerApi,
  pairings,
}: {
  /** What the reader talks to (the same library as the stores). */
  readerApi: Pick<ReaderProps, 'api' | 'subscribeToEvents'>
  /** Browser extensions paired with this library (the dialog that lists and revokes them). */
  pairings: PairingsApi
  store: LibraryStore
  sources: SourcesStore
  toasts: ToastStore
  downloads: DownloadsStore
  loadSavedSearches: () => Promise<ReadonlyArray<SavedSearch>>
  topics?: TopicsLoader
}) {
  // Only what the screen itself draws: the list, its header, the bars and the detail pane each
  // subscribe to their own part (`j`/`k` re-render the list alone, `t` the detail pane).
  const state = useStoreSlice(store, screenState, shallowEqual)
  const sourcesState = useStore(sources)
  const [sizes, resize] = usePaneSizes()
  const panes = fitPanes(sizes, useWindowWidth())
  const [drawerOpen, setDrawerOpen] = useState(false)
  const drawer = panes.sidebarCollapsed && drawerOpen
  const [, toggleTheme] = useTheme()
  const [modal, setModal] = useState<Modal | null>(null)
  const [citationSource] = useState(() => apiCitationSource(readerApi.api))
  const saveMetadata = async (fields: MetadataEdit) => {
    const id = state.detail?.id
    if (id === undefined) return
    await readerApi.api.editPaperMetadata({ id, fields })
    toasts.notify({ kind: 'info', message: 'Saved your edits; a sync keeps them.' })
  }
  const revertMetadata = async () => {
    const id = state.detail?.id
    if (id === undefined) return
    await readerApi.api.revertPaperMetadata({ id })
    toasts.notify({ kind: 'info', message: 'Reverted to what the sources say.' })
  }
  const [readerFor, setReaderFor] = useState<{
    id: PaperId
    page?: number
    query?: string
    annotationId?: number
  } | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLElement>(null)
  const searching = state.shownQuery !== ''
  const { counts } = state
  const held = counts ? counts.all + counts.inbox + counts.dismissed + counts.trash : null
  const empty = state.loaded && held === 0 && !searching
  const { scope } = state
  const triageView =
    scope.kind === 'view' &&
    (scope.view === 'inbox' || scope.view === 'dismissed' || scope.view === 'trash')
      ? scope.view
      : null
  const triage = useMemo(
    () => createTriageStore({ api: readerApi.api, store, toasts }),
    [readerApi.api, store, toasts],
  )
  // The first-run screen leaves once papers arrive; the focus it held (a dialog hands it back to
  // the button that opened it) goes to the list rather than to nowhere.
  const listShown = !empty && state.loaded && !state.noRows
  useEffect(() => {
    if (listShown && document.activeElement === document.body) {
      listRef.current?.querySelector<HTMLElement>('.paper-list')?.focus()
    }
  }, [listShown])
  // the inbox's groups follow its counts (one read after each refresh)
  const inboxCount = counts?.inbox
  useEffect(() => {
    if (triageView === 'inbox') void triage.loadGroups()
  }, [triage, triageView, inboxCount])
  const scopeSource =
    scope.kind === 'source'
      ? sourcesState.sources.find((source) => source.id === scope.sourceId)
      : undefined
  const scopeNotice = scopeSource && !searching ? emptySyncNotice(scopeSource) : null

  const pdfStored = usePdfStored(downloads, state.detail)
  const downloadable = Boolean(state.detail?.links.pdf || state.detail?.arxivId)
  const openReader =
    LazyReader && state.detail && (pdfStored || downloadable)
      ? () => setReaderFor(state.detail ? { id: state.detail.id } : null)
      : null
  const makeOffline = () => {
    const ids = store.targets()
    if (ids.length === 0) return
    const label = ids.length === 1 ? 'the paper' : `${ids.length} papers`
    void downloads.makeOffline({ ids }, label)
  }
  const makeViewOffline = () => {
    const scope = state.scope
    if (scope.kind === 'tag') void downloads.makeOffline({ tag: scope.tag }, `#${scope.tag}`)
    else if (scope.kind === 'list') void downloads.makeOffline({ listId: scope.listId }, scope.name)
    else if (scope.kind === 'source') {
      void downloads.makeOffline({ sourceId: scope.sourceId }, scope.name)
    } else {
      toasts.notify({ kind: 'info', message: 'Open a tag, list or source first.' })
    }
  }
  const exportPaperAnnotations = () => {
    const ids = store.targets()
    if (ids.length === 0) return
    const label = ids.length === 1 ? 'this paper' : `${ids.length} papers`
    void exportAnnotationsOf(readerApi.api, { ids: [...ids] }, label, toasts)
  }
  const exportViewAnnotations = () => {
    const scope = state.scope
    if (scope.kind === 'tag') {
      void exportAnnotationsOf(readerApi.api, { tag: scope.tag }, scope.tag, toasts)
    } else if (scope.kind === 'list') {
      void exportAnnotationsOf(readerApi.api, { listId: scope.listId }, scope.name, toasts)
    } else {
      toasts.notify({ kind: 'info', message: 'Open a tag or list first.' })
    }
  }
  const listDrop = usePdfDrop((files, event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-paper-id]')
    const id = row ? Number(row.dataset.paperId) : NaN
    if (Number.isInteger(id) && id > 0) void downloads.attachDropped(id as PaperId, files)
    else void downloads.addDropped(files)
  })
  const closeReader = () => {
    if (readerFor) focusRowAfterRender(readerFor.id)
    setReaderFor(null)
  }
  /** Opens the focused search hit's PDF passage in the reader at its page; false when none. */
  const openHit = (): boolean => {
    const { focusIndex, shownQuery } = store.getState()
    const row = store.rowAt(focusIndex)
    const target = LazyReader && row ? readerTargetOf(row.snippet, shownQuery) : null
    if (!row || !target) return false
    setReaderFor({ id: row.id, ...target })
    return true
  }

  const importText = async (text: string, sourceName: string, tags: ReadonlyArray<string>) => {
    const report = await store.importText(text, sourceName, tags)
    // A copied Hugging Face page gives titles only: offer to find their ids, authors and links.
    if (report.format === 'hf-page' && report.paperIds.length > 0) {
      toasts.notify({
        kind: 'info',
        message: `${report.paperIds.length} papers from the page are known by their titles only.`,
        action: {
          label: 'Look up on arXiv',
          run: () => void lookUpPapers(readerApi.api, toasts, report.paperIds),
        },
      })
    }
    return report
  }

  const handlers: Record<CommandId, () => void> = {
    'focus-search': () => {
      searchRef.current?.focus()
      searchRef.current?.select()
    },
    'next-paper': () => store.moveFocus(1),
    'previous-paper': () => store.moveFocus(-1),
    'move-up-in-list': () => void store.moveFocusedInList(-1),
    'move-down-in-list': () => void store.moveFocusedInList(1),
    'open-paper': () => {
      if (openHit()) return
      if (openReader) openReader()
      else document.querySelector<HTMLElement>('.detail__scroll')?.focus()
    },
    'read-pdf': () => openReader?.(),
    'edit-tags': () =>
      store.getState().selection.ids.size > 1
        ? setModal({ kind: 'bulk-tag', remove: false })
        : store.requestTagFocus(),
    'toggle-star': () => void store.toggleStar(),
    'cycle-status': () => void store.cycleStatus(),
    'mark-read': () => void store.setStatus('read'),
    'mark-unread': () => void store.setStatus('unread'),
    'mark-reading': () => void store.setStatus('reading'),
    'toggle-select': () => store.toggleSelectFocused(),
    'select-all': () => void store.selectAll(),
    'clear-selection': () => {
      if (readerFor !== null) closeReader()
      else store.clearSelection()
    },
    undo: () => void store.undo(),
    'add-source': () => setModal({ kind: 'add-source' }),
    import: () => setModal({ kind: 'import' }),
    'new-tag': () => setModal({ kind: 'new-tag' }),
    'new-list': () => setModal({ kind: 'new-list' }),
    'toggle-theme': toggleTheme,
    'view-new': () => store.setScope({ kind: 'view', view: 'new' }),
    'view-all': () => store.setScope({ kind: 'view', view: 'all' }),
    'view-unread': () => store.setScope({ kind: 'view', view: 'unread' }),
    'view-reading': () => store.setScope({ kind: 'view', view: 'reading' }),
    'view-read': () => store.setScope({ kind: 'view', view: 'read' }),
    'view-starred': () => store.setScope({ kind: 'view', view: 'starred' }),
    'sort-added': () => store.setSort('added'),
    'sort-published': () => store.setSort('published'),
    'sort-title': () => store.setSort('title'),
    'sort-upvotes': () => store.setSort('upvotes'),
    'sort-list': () => store.setSort('list'),
    'show-shortcuts': () => setModal({ kind: 'shortcuts' }),
    'command-palette': () => setModal({ kind: 'palette' }),
    'make-offline': makeOffline,
    'make-view-offline': makeViewOffline,
    'pdf-storage': () => setModal({ kind: 'storage' }),
    'triage-keep': () => void triage.act(triageView === 'trash' ? 'undelete' : 'keep'),
    'triage-dismiss': () => void triage.act('dismiss'),
    'triage-delete': () => void triage.act('delete'),
    'triage-undelete': () => void triage.act('undelete'),
    'read-later': () => void triage.readLater(),
    'dismiss-rest': () => void triage.dismissRest(),
    'empty-trash': () => setModal({ kind: 'empty-trash' }),
    'view-inbox': () => store.setScope({ kind: 'view', view: 'inbox' }),
    'view-dismissed': () => store.setScope({ kind: 'view', view: 'dismissed' }),
    'view-trash': () => store.setScope({ kind: 'view', view: 'trash' }),
    'find-duplicates': () => setModal({ kind: 'duplicates' }),
    'auto-exports': () =>
      setModal({
        kind: 'auto-exports',
        target:
          scope.kind === 'tag'
            ? { kind: 'tag', tag: scope.tag }
            : scope.kind === 'list'
              ? { kind: 'list', listId: scope.listId }
              : null,
      }),
    'browser-extensions': () => setModal({ kind: 'pairings' }),
    'export-annotations': exportPaperAnnotations,
    'export-view-annotations': exportViewAnnotations,
  }
  const handlersRef = useRef(handlers)
  useEffect(() => {
    handlersRef.current = handlers
  })
  const modalOpen = modal !== null
  const readerOpen = readerFor !== null
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      const inField =
        target !== null &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
      const command = commandForKey(event, inField || modalOpen)
      if (command === null) return
      if (modalOpen && command !== 'command-palette') return
      // The open reader owns the keyboard: only the palette and the help sheet reach past it.
      if (readerOpen && command !== 'command-palette' && command !== 'show-shortcuts') return
      // Enter and Space keep their meaning on a focused button or link.
      if (command === 'open-paper' && target?.closest('button, a, [role="menuitem"]')) return
      event.preventDefault()
      handlersRef.current[command]()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [modalOpen, readerOpen])

  const tagMenu = (action: TagMenuAction, tag: Tag) => {
    if (action === 'offline') void downloads.makeOffline({ tag: tag.name }, `#${tag.name}`)
    else if (action === 'auto-export') {
      setModal({ kind: 'auto-exports', target: { kind: 'tag', tag: tag.name } })
    } else setModal({ kind: 'tag', action, tag })
  }

  return (
    <div className="app">
      <header className="topbar">
        {panes.sidebarCollapsed ? (
          <button
            type="button"
            className="icon-button"
            aria-label="Library sidebar"
            aria-expanded={drawer}
            title="Views, sources, tags and lists"
            onClick={() => setDrawerOpen(!drawerOpen)}
          >
            ☰
          </button>
        ) : null}
        <span className="topbar__name">Papershelf</span>
        <SearchBox
          ref={searchRef}
          value={state.query}
          onChange={store.setQuery}
          warnings={state.shownQuery === state.query.trim() ? state.searchWarnings : undefined}
          corrections={
            state.shownQuery === state.query.trim() ? state.searchCorrections : undefined
          }
          onSubmit={() => {
            searchRef.current?.blur()
            listRef.current?.querySelector<HTMLElement>('.paper-list')?.focus()
          }}
        />
        <div className="topbar__actions">
          <button type="button" onClick={() => setModal({ kind: 'import' })}>
            Import
          </button>
          <button type="button" onClick={() => setModal({ kind: 'add-source' })}>
            Add source
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Command palette"
            title="Command palette (Ctrl+Shift+P)"
            onClick={() => setModal({ kind: 'palette' })}
          >
            ⌘
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => setModal({ kind: 'shortcuts' })}
          >
            ?
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Switch theme"
            title="Switch light/dark theme"
            onClick={toggleTheme}
          >
            ◐
          </button>
        </div>
      </header>

      <div
        className="panes"
        style={{
          gridTemplateColumns: panes.sidebarCollapsed
            ? `0 0 minmax(${LIST_MIN_WIDTH}px, 1fr) 5px ${panes.detail}px`
            : `${panes.sidebar}px 5px minmax(${LIST_MIN_WIDTH}px, 1fr) 5px ${panes.detail}px`,
        }}
      >
        <aside
          className={
            panes.sidebarCollapsed
              ? `sidebar sidebar--drawer${drawer ? ' is-open' : ''}`
              : 'sidebar'
          }
          aria-label="Library"
          onKeyDown={(event) => {
            if (drawer && event.key === 'Escape') setDrawerOpen(false)
          }}
          onClick={(event) => {
            // Choosing a view, tag, list or source in the drawer folds it away again.
            if (
              drawer &&
              (event.target as HTMLElement).closest('[role="treeitem"], li button, a')
            ) {
              setDrawerOpen(false)
            }
          }}
        >
          <SmartViews
            scope={state.scope}
            counts={state.counts}
            onSelect={(view) => store.setScope({ kind: 'view', view })}
          />
          <SavedSearches
            load={loadSavedSearches}
            version={state.counts?.all ?? 0}
            onRun={store.setQuery}
          />
          <SourcesSection
            store={sources}
            scope={state.scope}
            onSelect={store.setScope}
            onAdd={() => setModal({ kind: 'add-source' })}
            onRules={(source) => setModal({ kind: 'rules', source })}
            onMakeOffline={(source) =>
              void downloads.makeOffline({ sourceId: source.id }, source.name)
            }
          />
          <TagsSection
            tags={state.tags}
            scope={state.scope}
            onSelect={(tag) => store.setScope({ kind: 'tag', tag })}
            onCreate={() => setModal({ kind: 'new-tag' })}
            onAction={tagMenu}
          />
          <ListsSection
            lists={state.lists}
            scope={state.scope}
            onSelect={store.setScope}
            onCreate={() => setModal({ kind: 'new-list' })}
            onDelete={(list) => void store.deleteList(list.id)}
            onMakeOffline={(list) => void downloads.makeOffline({ listId: list.id }, list.name)}
            onAutoExport={(list) =>
              setModal({ kind: 'auto-exports', target: { kind: 'list', listId: list.id } })
            }
          />
          <DownloadsPanel store={downloads} onManageStorage={() => setModal({ kind: 'storage' })} />
        </aside>
        {panes.sidebarCollapsed ? (
          // The drawer is out of the grid's flow: empty cells keep the list and detail in place.
          <>
            <span />
            <span />
          </>
        ) : (
          <ResizeHandle
            label="Resize sidebar"
            width={panes.sidebar}
            direction={1}
            onResize={(width) => resize('sidebar', width)}
          />
        )}
        {readerFor !== null && LazyReader ? (
          <section className="reader-pane" aria-label="Reader" style={{ gridColumn: '3 / -1' }}>
            <Suspense fallback={<div className="empty-state">Opening the PDF…</div>}>
              <LazyReader
                key={`${readerFor.id}:${readerFor.page ?? ''}`}
                paperId={readerFor.id}
                page={readerFor.page}
                query={readerFor.query}
                annotationId={readerFor.annotationId}
                api={readerApi.api}
                subscribeToEvents={readerApi.subscribeToEvents}
                onClose={closeReader}
              />
            </Suspense>
          </section>
        ) : (
          <>
            <main
              className={listDrop.over ? 'list-pane is-pdf-drop' : 'list-pane'}
              ref={listRef}
              aria-label="Paper list"
              {...listDrop.handlers}
            >
              <ListHeader store={store} />
              {triageView && !searching ? (
                <TriageBar
                  view={triageView}
                  store={store}
                  triage={triage}
                  onEmptyTrash={() => setModal({ kind: 'empty-trash' })}
                />
              ) : null}
              <BulkBar
                store={store}
                onTag={() => setModal({ kind: 'bulk-tag', remove: false })}
                onUntag={() => setModal({ kind: 'bulk-tag', remove: true })}
                onMakeOffline={makeOffline}
              />
              {empty ? (
                <FirstRun
                  canSync={sourcesState.available}
                  notice={firstNotice(sourcesState.sources)}
                  onSyncDaily={() => {
                    // followed papers arrive in the inbox
                    store.setScope({ kind: 'view', view: 'inbox' })
                    void sources
                      .add({ kind: 'hf-daily', params: {}, name: 'Hugging Face daily papers' })
                      .catch(toasts.fail)
                  }}
                  onStarter={() =>
                    void store
                      .importText(STARTER_LIST, 'Starter list', ['starter'])
                      .catch(toasts.fail)
                  }
                  onImport={() => setModal({ kind: 'import' })}
                />
              ) : state.loaded && state.noRows ? (
                <div className="empty-state" data-testid="empty-state">
                  <p className="empty-state__title">
                    {searching
                      ? `No papers match “${state.query.trim()}”.`
                      : 'No papers in this view.'}
                  </p>
                  {scopeNotice ? (
                    <p className="muted" role="status" data-testid="empty-sync-notice">
                      {scopeNotice}
                    </p>
                  ) : null}
                </div>
              ) : !state.loaded ? (
                <div className="empty-state" aria-busy="true">
                  <span className="spinner" aria-hidden="true" /> Loading…
                </div>
              ) : (
                <PaperList
                  store={store}
                  onOpen={() => handlersRef.current['open-paper']()}
                  canOpenSnippet={(row) =>
                    readerTargetOf(row.snippet, state.shownQuery) !== null && LazyReader !== null
                  }
                />
              )}
            </main>
            <ResizeHandle
              label="Resize detail pane"
              width={panes.detail}
              direction={-1}
              onResize={(width) => resize('detail', width)}
            />
            <DetailPane
              source={store}
              topics={topics}
              actions={{
                setStatus: (status) => {
                  if (state.detail) {
                    void store.edit(`Marked as ${status}`, { status }, [state.detail.id])
                  }
                },
                toggleStar: () => {
                  if (state.detail) {
                    const starred = !state.detail.starred
                    void store.edit(starred ? 'Starred' : 'Unstarred', { starred }, [
                      state.detail.id,
                    ])
                  }
                },
                addTag: (tag) => {
                  if (state.detail) void store.addTags([tag], [state.detail.id])
                },
                removeTag: (tag) => {
                  if (state.detail) void store.removeTag(tag, [state.detail.id])
                },
                saveNote: (note) => {
                  if (state.detail) void store.setNote(state.detail.id, note)
                },
                openReader,
                makeOffline:
                  state.detail && !pdfStored && downloadable
                    ? () => {
                        if (state.detail) {
                          void downloads.makeOffline({ ids: [state.detail.id] }, 'the paper')
                        }
                      }
                    : null,
                dropFiles: (files) => {
                  if (state.detail) void downloads.attachDropped(state.detail.id, files)
                },
                lookUp: () => {
                  const id = state.detail?.id
                  if (id === undefined) return
                  // The button goes once the paper has an id: focus moves to the pane, not the page.
                  void lookUpPaper(readerApi.api, toasts, id).then(() =>
                    document.querySelector<HTMLElement>('.detail__scroll')?.focus(),
                  )
                },
                citations: {
                  source: citationSource,
                  notify: {
                    done: (message) => toasts.notify({ kind: 'info', message }),
                    fail: (error) => toasts.fail(error),
                  },
                },
                editMetadata: () => setModal({ kind: 'metadata' }),
                revertMetadata: () => {
                  revertMetadata().catch((error: unknown) => toasts.fail(error))
                },
              }}
            />
          </>
        )}
      </div>

      {modal?.kind === 'add-source' ? (
        <AddSourceDialog
          onAdd={(source) => {
            // what a followed source brings arrives in the inbox: show it there
            store.setScope({ kind: 'view', view: 'inbox' })
            return sources.add(source)
          }}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'import' ? (
        <ImportDialog onImport={importText} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === 'pairings' ? (
        <PairingsDialog pairings={pairings} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === 'storage' ? (
        <StorageDialog store={downloads} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === 'shortcuts' ? <ShortcutsDialog onClose={() => setModal(null)} /> : null}
      {modal?.kind === 'auto-exports' ? (
        <AutoExportsDialog
          autoExports={readerApi}
          target={modal.target}
          listNames={new Map(state.lists.map((list) => [list.id, list.name]))}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'duplicates' ? (
        <DuplicatesDialog
          api={readerApi.api}
          onMerge={async (keep, merge) => {
            await readerApi.api.mergePapers({ keep: keep.id, merge: [merge.id] })
            toasts.notify({
              kind: 'info',
              message: `Merged #${merge.id} into #${keep.id}.`,
              action: {
                label: 'Undo',
                run: () => {
                  readerApi.api.unmergePaper({ mergedId: merge.id }).then(
                    () => toasts.notify({ kind: 'info', message: `#${merge.id} is back.` }),
                    (error: unknown) => toasts.fail(error),
                  )
                },
              },
            })
          }}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'metadata' && state.detail ? (
        <MetadataDialog
          key={state.detail.id}
          paper={state.detail}
          onSave={saveMetadata}
          onRevert={revertMetadata}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'palette' ? (
        <CommandPalette
          commands={APP_COMMANDS}
          onRun={(id) => handlersRef.current[id as CommandId]()}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'bulk-tag' ? (
        <BulkTagDialog
          count={store.targets().length}
          remove={modal.remove}
          allTags={state.tags}
          onApply={(tags) => void (modal.remove ? store.removeTags(tags) : store.addTags(tags))}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'new-tag' ? (
        <PromptDialog
          title="New tag"
          label="Name (use / for levels, e.g. llm/decoding)"
          submitLabel="Create tag"
          onSubmit={(name) => void store.createTag(name)}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'new-list' ? (
        <PromptDialog
          title="New list"
          label="Name"
          submitLabel="Create list"
          onSubmit={(name) => void store.createList(name)}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'tag' && modal.action === 'rename' ? (
        <PromptDialog
          title={`Rename #${modal.tag.name}`}
          label="New name"
          initial={modal.tag.name}
          submitLabel="Rename"
          onSubmit={(name) => void store.renameTag(modal.tag.id, name)}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'tag' && modal.action === 'merge' ? (
        <PromptDialog
          title={`Merge #${modal.tag.name} into…`}
          label="Tag to merge into"
          submitLabel="Merge"
          suggestions={state.tags.filter((tag) => tag.id !== modal.tag.id).map((tag) => tag.name)}
          onSubmit={(name) => {
            const into = state.tags.find((tag) => tag.name.toLowerCase() === name.toLowerCase())
            if (into) void store.mergeTags([modal.tag.id], into.id)
            else toasts.notify({ kind: 'error', message: `There is no tag named “${name}”.` })
          }}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'tag' && modal.action === 'color' ? (
        <TagColorDialog
          name={modal.tag.name}
          onPick={(color) => void store.recolorTag(modal.tag.id, color)}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'tag' && modal.action === 'delete' ? (
        <ConfirmDialog
          title={`Delete #${modal.tag.name}?`}
          message={`The tag is taken off ${modal.tag.paperCount} papers. You can undo this.`}
          confirmLabel="Delete tag"
          onConfirm={() => void store.deleteTag(modal.tag.id)}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'rules' ? (
        <RulesDialog api={readerApi.api} source={modal.source} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === 'empty-trash' ? (
        <ConfirmDialog
          title="Empty the trash?"
          message={`${state.counts?.trash ?? 0} papers lose their PDFs, annotations, notes and tags for good. What identifies them is kept, so no sync brings them back. This cannot be undone.`}
          confirmLabel="Empty trash"
          onConfirm={() => void triage.emptyTrash()}
          onClose={() => setModal(null)}
        />
      ) : null}
      <Toasts store={toasts} />
    </div>
  )
}

/** What the screen around the list, its header and bars shows itself. */
function screenState(state: LibraryState) {
  return {
    scope: state.scope,
    query: state.query,
    shownQuery: state.shownQuery,
    searchWarnings: state.searchWarnings,
    searchCorrections: state.searchCorrections,
    loaded: state.loaded,
    /** Whether the view holds no paper (the list or an empty state is shown). */
    noRows: state.total === 0,
    counts: state.counts,
    tags: state.tags,
    lists: state.lists,
    detail: state.detail,
  }
}

/** The first followed list whose last sync brought nothing, said in words (for the empty library). */
function firstNotice(sources: ReadonlyArray<SourceSummary>): string | null {
  for (const source of sources) {
    const notice = emptySyncNotice(source)
    if (notice) return notice
  }
  return null
}
