import { useState } from 'react'
import { ChoiceField } from '../../components/ChoiceField'
import { Dialog } from '../../components/Dialog'
import { messageOf } from '../../components/toast-store'
import type { SyncKind as SourceKind } from '@shared/model/sync-source'
import type { NewSource } from '../sources/sources-store'
import {
  describeHfDailyChoice,
  HF_DAILY_INPUTS,
  HF_DAILY_MODE_LABELS,
  HF_DAILY_MODES,
  hfDailyParams,
  type HfDailyMode,
  type HfDailyValues,
} from './hf-daily-choice'

type Field = { name: string; label: string; placeholder: string; required: boolean; type?: string }

/** Each kind of list: what it is, and the fields it needs. */
export const SOURCE_FORMS: Record<
  SourceKind,
  { label: string; hint: string; fields: ReadonlyArray<Field> }
> = {
  'hf-daily': {
    label: 'Hugging Face daily papers',
    hint: 'The papers featured on huggingface.co/papers each day.',
    // Which days: chosen with <HfDailyFields> below.
    fields: [],
  },
  'hf-search': {
    label: 'Hugging Face paper search',
    hint: 'Papers matching a search on Hugging Face.',
    fields: [
      { name: 'query', label: 'Search for', placeholder: 'speculative decoding', required: true },
    ],
  },
  arxiv: {
    label: 'arXiv query',
    hint: 'An arXiv API search, e.g. cat:cs.CL AND ti:diffusion.',
    fields: [
      {
        name: 'query',
        label: 'Query',
        placeholder: 'cat:cs.CL AND abs:"tree of thoughts"',
        required: true,
      },
    ],
  },
  feed: {
    label: 'RSS or Atom feed',
    hint: 'An arXiv listing feed or any feed of papers.',
    fields: [
      {
        name: 'url',
        label: 'Feed URL',
        placeholder: 'https://rss.arxiv.org/rss/cs.CL',
        required: true,
        type: 'url',
      },
    ],
  },
  awesome: {
    label: 'Awesome list',
    hint: 'A curated Markdown list of papers on GitHub.',
    fields: [
      {
        name: 'url',
        label: 'README URL',
        placeholder: 'https://github.com/owner/awesome-llm',
        required: true,
        type: 'url',
      },
    ],
  },
}

/** Adds a followed list of any kind, then starts its first sync. */
export function AddSourceDialog({
  onAdd,
  onClose,
  initialKind = 'hf-daily',
}: {
  onAdd: (source: NewSource) => Promise<unknown>
  onClose: () => void
  initialKind?: SourceKind
}) {
  const [kind, setKind] = useState<SourceKind>(initialKind)
  const [values, setValues] = useState<Record<string, string>>({})
  const [name, setName] = useState('')
  const [tags, setTags] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [dailyMode, setDailyMode] = useState<HfDailyMode>('latest')
  const [daily, setDaily] = useState<HfDailyValues>({})
  const form = SOURCE_FORMS[kind]
  return (
    <Dialog title="Add a source" onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          let params: Record<string, string> = {}
          for (const field of form.fields) {
            const value = (values[field.name] ?? '').trim()
            if (value !== '') params[field.name] = value
          }
          if (kind === 'hf-daily') {
            const chosen = hfDailyParams(dailyMode, daily)
            if ('missing' in chosen) {
              setError(chosen.missing)
              return
            }
            params = chosen.params
          }
          setBusy(true)
          setError(null)
          onAdd({
            kind,
            params,
            ...(name.trim() ? { name: name.trim() } : {}),
            tags: tags
              .split(',')
              .map((tag) => tag.trim())
              .filter((tag) => tag !== ''),
          })
            .then(onClose)
            .catch((failure: unknown) => setError(messageOf(failure)))
            .finally(() => setBusy(false))
        }}
      >
        <label className="form__field">
          <span>Kind</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as SourceKind)}>
            {(Object.keys(SOURCE_FORMS) as SourceKind[]).map((value) => (
              <option key={value} value={value}>
                {SOURCE_FORMS[value].label}
              </option>
            ))}
          </select>
        </label>
        <p className="form__hint muted">{form.hint}</p>
        {kind === 'hf-daily' ? (
          <HfDailyFields
            mode={dailyMode}
            values={daily}
            onMode={setDailyMode}
            onValues={setDaily}
          />
        ) : null}
        {form.fields.map((field) => (
          <label key={`${kind}-${field.name}`} className="form__field">
            <span>{field.label}</span>
            <input
              type={field.type ?? 'text'}
              required={field.required}
              placeholder={field.placeholder}
              value={values[field.name] ?? ''}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
            />
          </label>
        ))}
        <label className="form__field">
          <span>Name (optional)</span>
          <input
            value={name}
            placeholder={form.label}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="form__field">
          <span>Tag new papers with (optional, comma-separated)</span>
          <input
            value={tags}
            placeholder="llm, to-read"
            onChange={(event) => setTags(event.target.value)}
          />
        </label>
        {error ? (
          <p className="form__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add and sync'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** Which days of Hugging Face daily papers to fetch, and a sentence saying what will happen. */
function HfDailyFields({
  mode,
  values,
  onMode,
  onValues,
}: {
  mode: HfDailyMode
  values: HfDailyValues
  onMode: (mode: HfDailyMode) => void
  onValues: (values: HfDailyValues) => void
}) {
  const today = new Date().toISOString().slice(0, 10)
  return (
    <>
      <ChoiceField
        label="Papers to fetch"
        value={mode}
        choices={HF_DAILY_MODES}
        labels={HF_DAILY_MODE_LABELS}
        onChange={onMode}
      />
      {HF_DAILY_INPUTS[mode].map((input) => (
        <label key={`${mode}-${input.name}`} className="form__field">
          <span>{input.label}</span>
          <input
            type={input.type}
            required
            max={input.type === 'date' ? today : undefined}
            value={values[input.name] ?? ''}
            onChange={(event) => onValues({ ...values, [input.name]: event.target.value })}
          />
        </label>
      ))}
      <p className="form__hint" data-testid="hf-daily-plan" aria-live="polite">
        {describeHfDailyChoice(mode, values, today)}
      </p>
    </>
  )
}
