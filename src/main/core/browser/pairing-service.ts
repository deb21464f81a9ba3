import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import type { PendingPairing } from '@shared/api/browser-api'
import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import { deletePairing, insertPairing, listPairingRows, pairingOfKey } from './pairings-repo'

type PairingMethods =
  'requestPairing' | 'confirmPairing' | 'listPairings' | 'revokePairing' | 'checkPairingKey'

/** A pairing request lives this long; the code must be typed before. */
export const PAIRING_TTL_MS = 5 * 60_000
/** Wrong codes a request survives: a guesser gets a few tries out of 32^6, then starts over. */
export const PAIRING_ATTEMPTS = 5
/** Requests waiting at once; the oldest gives way. */
const MAX_PENDING = 8
/** No 0/O, 1/I/L: the code is read off a screen and typed. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 6

type Pending = PendingPairing & { attempts: number }

/**
 * Pairing a browser extension: it asks, the app shows a short code (event and `listPairings`),
 * the user types the code into the extension, the app grants a random key stored as a hash.
 * Pending requests live in memory only: the owner process that shows the code is the one that
 * checks it.
 */
export function createPairingService(deps: {
  db: WritableDb
  events: EventHub
  now: () => Date
}): Pick<LibraryService, PairingMethods> {
  const pending = new Map<string, Pending>()
  const prune = () => {
    const now = deps.now().getTime()
    for (const [id, request] of pending) {
      if (Date.parse(request.expiresAt) <= now) pending.delete(id)
    }
  }
  const publicView = ({ attempts: _attempts, ...request }: Pending): PendingPairing => request

  return {
    requestPairing: ({ client }) => {
      prune()
      while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string)
      const request: Pending = {
        requestId: randomUUID(),
        client,
        code: Array.from(
          { length: CODE_LENGTH },
          () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
        ).join(''),
        expiresAt: new Date(deps.now().getTime() + PAIRING_TTL_MS).toISOString(),
        attempts: 0,
      }
      pending.set(request.requestId, request)
      deps.events.emit('pairing.requested', publicView(request))
      return { requestId: request.requestId, expiresAt: request.expiresAt }
    },
    confirmPairing: ({ requestId, code }) => {
      prune()
      const request = pending.get(requestId)
      if (!request) {
        throw new AppError(
          'not-found',
          'This pairing request has expired or was ended: ask to pair again.',
        )
      }
      if (normaliseCode(code) !== request.code) {
        request.attempts += 1
        if (request.attempts >= PAIRING_ATTEMPTS) pending.delete(requestId)
        throw new AppError('untrusted-sender', 'That code does not match the one Papershelf shows.')
      }
      pending.delete(requestId)
      const key = randomBytes(32).toString('base64url')
      const pairingId = insertPairing(deps.db, request.client, key, deps.now().toISOString())
      deps.events.emit('pairings.changed', { reason: 'paired', pairingId })
      return { pairingId, key }
    },
    listPairings: () => {
      prune()
      return { pending: [...pending.values()].map(publicView), paired: listPairingRows(deps.db) }
    },
    revokePairing: ({ id }) => {
      const changed = deletePairing(deps.db, id)
      if (changed === 0) throw new AppError('not-found', `There is no pairing ${id}.`)
      deps.events.emit('pairings.changed', { reason: 'revoked', pairingId: id })
      return { changed }
    },
    checkPairingKey: ({ key }) => {
      const pairingId = pairingOfKey(deps.db, key, deps.now())
      if (pairingId === null) {
        throw new AppError(
          'untrusted-sender',
          'This extension is not paired (or its pairing was revoked): pair it again.',
        )
      }
      return { pairingId }
    },
  }
}

/** Codes are typed: case, spaces and dashes do not matter. */
function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '')
}
