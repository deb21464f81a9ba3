import { AppError } from '@shared/api/errors'
import type { WritableDb } from './open-database'
import { prepared } from './prepared'

/** The error every command gives for a paper id the library does not hold. */
export function noSuchPaper(id: number): AppError {
  return new AppError('not-found', `There is no paper ${id} in this library.`)
}

/** Throws `noSuchPaper` unless the library holds paper `id`. */
export function requirePaper(db: WritableDb, id: number): void {
  if (prepared(db, 'SELECT 1 FROM papers WHERE id = ?').get(id) === undefined) throw noSuchPaper(id)
}
