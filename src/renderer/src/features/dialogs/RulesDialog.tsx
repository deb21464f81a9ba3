import { useEffect, useState } from 'react'
import type { LibraryApi } from '@shared/api/library-api'
import { RULE_ACTIONS, type ArrivalRule, type RuleAction } from '@shared/api/triage-api'
import type { SourceSummary } from '@shared/model/sync-source'
import { ChoiceField } from '../../components/ChoiceField'
import { Dialog } from '../../components/Dialog'
import { FormError } from '../../components/FormError'
import { AddEntryForm, SettingsList } from '../../components/SettingsList'

const ACTION_LABELS: Record<RuleAction, string> = {
  keep: 'Keep',
  dismiss: 'Dismiss',
  star: 'Star',
  tag: 'Tag',
}

/** How a rule reads in the list. */
function ruleText(rule: ArrivalRule): string {
  const outcome = rule.action === 'tag' ? `tag ${rule.tag ?? ''}` : rule.action
  return `${rule.query} → ${outcome}`
}

/**
 * A source's arrival rules: what happens to a paper from it that matches a query when it arrives.
 * The query is tested as it is typed against the papers the source brought already.
 */
export function RulesDialog({
  api,
  source,
  onClose,
}: {
  api: LibraryApi
  source: SourceSummary
  onClose: () => void
}) {
  const [rules, setRules] = useState<ReadonlyArray<ArrivalRule>>([])
  const [query, setQuery] = useState('')
  const [action, setAction] = useState<RuleAction>('keep')
  const [tag, setTag] = useState('')
  const [preview, setPreview] = useState<string>('')
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    void api
      .listArrivalRules({ sourceId: source.id })
      .then((list) => live && setRules(list))
      .catch((failure: unknown) => live && setError(String(failure)))
    return () => {
      live = false
    }
  }, [api, source.id, version])

  useEffect(() => {
    let live = true
    const text = query.trim()
    const timer = setTimeout(() => {
      if (text === '') {
        setPreview('')
        return
      }
      void api
        .previewArrivalRule({ sourceId: source.id, query: text, limit: 0 })
        .then(({ matched }) => {
          if (live) {
            setPreview(`This rule would match ${matched} of the papers ${source.name} brought.`)
          }
        })
        .catch(() => live && setPreview(''))
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, source.id, source.name, query])

  const add = async () => {
    setError(null)
    try {
      await api.addArrivalRule({
        sourceId: source.id,
        query: query.trim(),
        action,
        ...(action === 'tag' ? { tag: tag.trim() } : {}),
      })
      setQuery('')
      setTag('')
      setVersion((n) => n + 1)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    }
  }

  return (
    <Dialog title={`Arrival rules of ${source.name}`} onClose={onClose}>
      <SettingsList
        label="Rules"
        entries={rules.map((rule) => ({
          key: rule.id,
          facts: <span>{ruleText(rule)}</span>,
          remove: {
            label: 'Remove',
            name: `Remove the rule ${ruleText(rule)}`,
            onRemove: () =>
              void api.removeArrivalRule({ id: rule.id }).then(() => setVersion((n) => n + 1)),
          },
        }))}
        empty="No rules yet: every paper from this source lands in the inbox."
      />
      <AddEntryForm
        label="Add a rule"
        submitLabel="Add rule"
        canSubmit={query.trim() !== ''}
        onSubmit={() => void add()}
        otherButtons={
          <button type="button" onClick={onClose}>
            Close
          </button>
        }
      >
        <label className="form__field">
          <span>When a paper matches</span>
          <input
            value={query}
            placeholder="diffusion -tag:read"
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <ChoiceField
          label="Then"
          value={action}
          choices={RULE_ACTIONS}
          labels={ACTION_LABELS}
          onChange={setAction}
        />
        {action === 'tag' ? (
          <label className="form__field">
            <span>Tag</span>
            <input value={tag} onChange={(event) => setTag(event.target.value)} />
          </label>
        ) : null}
        <p className="form__hint muted" role="status">
          {preview}
        </p>
        <FormError message={error} />
      </AddEntryForm>
    </Dialog>
  )
}
