import { useState } from 'react'
import type { ImportReport } from '@shared/api/library-api'
import { Dialog } from '../../components/Dialog'
import { messageOf } from '../../components/toast-store'

/** The most one dropped file may hold. */
const MAX_FILE_BYTES = 32 * 1024 * 1024

/** Imports pasted text (a copied Hugging Face page, ids, BibTeX…) or dropped files. */
export function ImportDialog({
  onImport,
  onClose,
}: {
  onImport: (text: string, sourceName: string, tags: ReadonlyArray<string>) => Promise<ImportReport>
  onClose: () => void
}) {
  const [text, setText] = useState('')
  const [sourceName, setSourceName] = useState('')
  const [tags, setTags] = useState('')
  const [reports, setReports] = useState<ReadonlyArray<string>>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [dragging, setDragging] = useState(false)
  const tagList = () =>
    tags
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '')

  const importOne = async (body: string, name: string) => {
    const report = await onImport(body, name, tagList())
    const refused = report.refused.length > 0 ? `, ${report.refused.length} refused` : ''
    return `${name}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged${refused}`
  }
  const runImport = async (work: () => Promise<string[]>) => {
    setBusy(true)
    setError(null)
    try {
      setReports(await work())
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title="Import papers" onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          if (text.trim() === '') return
          void runImport(async () => [await importOne(text, sourceName.trim() || 'Pasted text')])
        }}
      >
        <div
          className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
          onDragOver={(event) => {
            event.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault()
            setDragging(false)
            const files = [...event.dataTransfer.files]
            void runImport(async () => {
              const lines: string[] = []
              for (const file of files) {
                if (file.size > MAX_FILE_BYTES) {
                  throw new Error(`${file.name} is larger than 32 MB.`)
                }
                lines.push(await importOne(await file.text(), file.name))
              }
              return lines
            })
          }}
        >
          <label className="form__field">
            <span>
              Paste a copied Hugging Face papers page, arXiv ids or URLs, DOIs or BibTeX — or drop
              files here
            </span>
            <textarea
              aria-label="Text to import"
              rows={10}
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder={'2401.00001\nhttps://arxiv.org/abs/1706.03762\n…'}
            />
          </label>
        </div>
        <div className="form__row">
          <label className="form__field">
            <span>Source name</span>
            <input
              value={sourceName}
              placeholder="Pasted text"
              onChange={(event) => setSourceName(event.target.value)}
            />
          </label>
          <label className="form__field">
            <span>Tags (comma-separated)</span>
            <input
              value={tags}
              placeholder="to-read"
              onChange={(event) => setTags(event.target.value)}
            />
          </label>
        </div>
        {error ? (
          <p className="form__error" role="alert">
            {error}
          </p>
        ) : null}
        {reports.length > 0 ? (
          <ul className="form__report" role="status">
            {reports.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
