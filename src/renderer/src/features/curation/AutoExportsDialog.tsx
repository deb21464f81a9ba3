import { useCallback, useEffect, useState } from 'react'
import {
  EXPORT_FORMATS,
  type AutoExport,
  type ExportFormat,
  type ExportScope,
} from '@shared/api/curation-api'
import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import { ChoiceField } from '../../components/ChoiceField'
import { Dialog } from '../../components/Dialog'
import { FormError } from '../../components/FormError'
import { AddEntryForm, SettingsList } from '../../components/SettingsList'

/** What the dialog talks to. */
export type AutoExportsApi = {
  api: Pick<LibraryApi, 'listAutoExports' | 'addAutoExport' | 'removeAutoExport' | 'runAutoExports'>
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
}

/** The tag or list a new auto-export would keep (the one open, or whose menu opened the dialog). */
export type AutoExportTarget = { kind: 'tag'; tag: string } | { kind: 'list'; listId: number }

const FORMAT_LABELS: Record<ExportFormat, string> = {
  bibtex: 'BibTeX',
  biblatex: 'BibLaTeX',
  'csl-json': 'CSL-JSON',
  ris: 'RIS',
  awesome: 'Awesome Markdown',
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

const messageOf = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure)

/** A scope as the user names it: `tag llm`, `list Thesis`. */
function scopeLabel(scope: ExportScope, listNames: ReadonlyMap<number, string>): string {
  switch (scope.kind) {
    case 'tag':
      return `tag ${scope.tag}`
    case 'list':
      return `list ${listNames.get(scope.listId) ?? `#${scope.listId}`}`
    case 'savedSearch':
      return `saved search #${scope.id}`
    case 'source':
      return `source #${scope.sourceId}`
    case 'papers':
      return `${scope.ids.length} papers`
    case 'library':
      return 'the library'
  }
}

/**
 * Auto-exports: files kept as the export of a tag or list. Lists them with when each was last
 * written and why it last failed, adds one for the tag or list at hand, writes one now or stops
 * keeping it. The list follows `autoExports.changed`, so a change from the CLI or another window
 * (or a rewrite after an edit) shows while it is open.
 */
export function AutoExportsDialog({
  autoExports,
  target,
  listNames,
  onClose,
}: {
  autoExports: AutoExportsApi
  target: AutoExportTarget | null
  listNames: ReadonlyMap<number, string>
  onClose: () => void
}) {
  const { api, subscribeToEvents } = autoExports
  const [kept, setKept] = useState<ReadonlyArray<AutoExport> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [path, setPath] = useState('')
  const [format, setFormat] = useState<ExportFormat>('bibtex')
  const load = useCallback(() => {
    api
      .listAutoExports({})
      .then(setKept)
      .catch((failure: unknown) => setError(messageOf(failure)))
  }, [api])
  useEffect(() => {
    load()
    return subscribeToEvents((event) => {
      if (event.type === 'autoExports.changed') load()
    })
  }, [load, subscribeToEvents])

  // Buttons stay enabled while a request runs (a disabled button would drop the keyboard focus);
  // a second press meanwhile is ignored.
  const act = (work: () => Promise<string>) => {
    if (busy) return
    setBusy(true)
    setError(null)
    work()
      .then(setStatus)
      .catch((failure: unknown) => {
        setStatus(null)
        setError(messageOf(failure))
      })
      .finally(() => {
        setBusy(false)
        load()
      })
  }
  const add = () => {
    if (!target) return
    const scope: ExportScope =
      target.kind === 'tag'
        ? { kind: 'tag', tag: target.tag }
        : { kind: 'list', listId: target.listId }
    act(async () => {
      const added = await api.addAutoExport({ scope, format, path: path.trim() })
      setPath('')
      return `Wrote ${added.path}; it is kept in step from now on.`
    })
  }
  const writeNow = (item: AutoExport) =>
    act(async () => {
      const [run] = await api.runAutoExports({ id: item.id })
      if (!run) return `${item.path} is no longer kept.`
      if (run.error !== null) throw new Error(`Cannot write ${run.path}: ${run.error}`)
      return run.written
        ? `Wrote ${run.path} (${run.count} papers).`
        : `${run.path} is up to date (${run.count} papers).`
    })
  const remove = (item: AutoExport) =>
    act(async () => {
      await api.removeAutoExport({ id: item.id })
      return `Stopped keeping ${item.path}; the file stays.`
    })

  const targetLabel = target
    ? scopeLabel(
        target.kind === 'tag' ? target : { kind: 'list', listId: target.listId },
        listNames,
      )
    : null
  return (
    <Dialog title="Auto-exports" onClose={onClose} wide>
      {targetLabel ? (
        <AddEntryForm
          label="Add an auto-export"
          heading={`Keep a file in step with ${targetLabel}`}
          submitLabel="Add"
          onSubmit={add}
        >
          <div className="form__row auto-exports__fields">
            <label className="form__field auto-exports__path-field">
              <span>File (full path)</span>
              <input
                value={path}
                required
                placeholder="/home/you/paper/refs.bib"
                spellCheck={false}
                onChange={(event) => setPath(event.target.value)}
              />
            </label>
            <ChoiceField
              label="Format"
              className="auto-exports__format-field"
              value={format}
              choices={EXPORT_FORMATS}
              labels={FORMAT_LABELS}
              onChange={setFormat}
            />
          </div>
        </AddEntryForm>
      ) : (
        <p className="muted" data-testid="auto-exports-no-target">
          Open a tag or list to keep a file in step with it (or use its ⋯ menu).
        </p>
      )}
      <FormError message={error} />
      {status ? (
        <p className="auto-exports__status" role="status">
          {status}
        </p>
      ) : null}
      <SettingsList
        label="Kept files"
        heading
        className="auto-exports"
        testId="auto-exports"
        emptyTestId="auto-exports-empty"
        entries={
          kept?.map((item) => ({
            key: item.id,
            facts: (
              <>
                <strong>
                  {FORMAT_LABELS[item.format]} of {scopeLabel(item.scope, listNames)}
                </strong>
                <span className="auto-export__path">{item.path}</span>
                {item.error ? (
                  <span className="auto-export__error">Last attempt failed: {item.error}</span>
                ) : (
                  <span className="muted">
                    {item.writtenAt ? `Written ${when(item.writtenAt)}` : 'Not written yet'}
                  </span>
                )}
              </>
            ),
            actions: (
              <button
                type="button"
                aria-label={`Write ${item.path} now`}
                onClick={() => writeNow(item)}
              >
                Write now
              </button>
            ),
            remove: {
              label: 'Remove',
              name: `Stop keeping ${item.path}`,
              confirm: { label: 'Confirm remove', name: `Confirm: stop keeping ${item.path}` },
              onRemove: () => remove(item),
            },
          })) ?? null
        }
        empty="No file is kept in step with a tag or list yet."
      />
      <div className="form__actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
