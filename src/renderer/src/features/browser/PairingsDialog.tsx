import { useCallback, useEffect, useState } from 'react'
import type { PairingList } from '@shared/api/browser-api'
import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import { Dialog } from '../../components/Dialog'
import { FormError } from '../../components/FormError'
import { SettingsList } from '../../components/SettingsList'

/** What the dialog talks to. */
export type PairingsApi = {
  api: Pick<LibraryApi, 'listPairings' | 'revokePairing'>
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * Browser extensions: the codes waiting to be typed into an extension, and the extensions
 * paired with this library, each revocable (its key is refused from then on).
 */
export function PairingsDialog({
  pairings,
  onClose,
}: {
  pairings: PairingsApi
  onClose: () => void
}) {
  const { api, subscribeToEvents } = pairings
  const [list, setList] = useState<PairingList | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    api
      .listPairings({})
      .then((next) => {
        setList(next)
        setError(null)
      })
      .catch((reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      )
  }, [api])
  useEffect(() => {
    load()
    return subscribeToEvents((event) => {
      if (event.type === 'pairing.requested' || event.type === 'pairings.changed') load()
    })
  }, [load, subscribeToEvents])

  const revoke = (id: number) => {
    api
      .revokePairing({ id })
      .then(load)
      .catch((reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      )
  }

  return (
    <Dialog title="Browser extensions" onClose={onClose}>
      <FormError message={error} />
      {list && list.pending.length > 0 ? (
        <SettingsList
          label="Waiting for a code"
          heading
          testId="pairings-pending"
          entries={list.pending.map((request) => ({
            key: request.requestId,
            facts: (
              <span>
                Type <strong className="pairings__code">{request.code}</strong> into the{' '}
                {request.client} extension (until {when(request.expiresAt)}).
              </span>
            ),
          }))}
        />
      ) : null}
      <SettingsList
        label="Paired extensions"
        heading
        testId="pairings-paired"
        emptyTestId="pairings-empty"
        entries={
          list?.paired.map((pairing) => ({
            key: pairing.id,
            facts: (
              <span>
                <strong>{pairing.client}</strong> · paired {when(pairing.createdAt)} ·{' '}
                {pairing.lastUsedAt ? `last used ${when(pairing.lastUsedAt)}` : 'not used yet'}
              </span>
            ),
            remove: {
              label: 'Revoke',
              name: `Revoke ${pairing.client}`,
              confirm: { label: 'Confirm revoke', name: `Confirm: revoke ${pairing.client}` },
              onRemove: () => revoke(pairing.id),
            },
          })) ?? null
        }
        empty="No extension is paired with this library. Press the Papershelf button in your browser: the code it asks for appears here."
      />
      <div className="form__actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
