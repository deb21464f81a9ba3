import { AppError } from '@shared/api/errors'
import { expect } from 'vitest'

/** An asymmetric matcher typed as the string it stands for (inside `toEqual` objects). */
export function textLike(pattern: RegExp): string {
  const matcher: unknown = expect.stringMatching(pattern)
  return matcher as string
}

/** The AppError `run` throws; fails the test when it throws nothing or something else. */
export function thrownAppError(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}
