import { useCallback, useEffect, useState } from 'react'
import type { PairingList } from '@shared/api/browser-api'
import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import { Dialog } from '../../components/Dialog'

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
  const [confirm, setConfirm] = useState<number | null>(null)
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
    if (confirm !== id) {
      setConfirm(id)
      return
    }
    setConfirm(null)
    api
      .revokePairing({ id })
      .then(load)
      .catch((reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      )
  }

  return (
    <Dialog title="Browser extensions" onClose={onClose}>
      {error ? (
        <p role="alert" className="form__error">
          {error}
        </p>
      ) : null}
      {list === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {list.pending.length > 0 ? (
            <section aria-label="Waiting for a code">
              <h3>Waiting for a code</h3>
              <ul className="pairings" data-testid="pairings-pending">
                {list.pending.map((request) => (
                  <li key={request.requestId}>
                    Type <strong className="pairings__code">{request.code}</strong> into the{' '}
                    {request.client} extension (until {when(request.expiresAt)}).
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-label="Paired extensions">
            <h3>Paired extensions</h3>
            {list.paired.length === 0 ? (
              <p className="muted" data-testid="pairings-empty">
                No extension is paired with this library. Press the Papershelf button in your
                browser: the code it asks for appears here.
              </p>
            ) : (
              <ul className="pairings" data-testid="pairings-paired">
                {list.paired.map((pairing) => (
                  <li key={pairing.id}>
                    <span>
                      <strong>{pairing.client}</strong> · paired {when(pairing.createdAt)} ·{' '}
                      {pairing.lastUsedAt
                        ? `last used ${when(pairing.lastUsedAt)}`
                        : 'not used yet'}
                    </span>
                    <button
                      type="button"
                      className={confirm === pairing.id ? 'danger' : 'link-button'}
                      aria-label={
                        confirm === pairing.id
                          ? `Confirm: revoke ${pairing.client}`
                          : `Revoke ${pairing.client}`
                      }
                      onClick={() => revoke(pairing.id)}
                    >
                      {confirm === pairing.id ? 'Confirm revoke' : 'Revoke'}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <div className="form__actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
