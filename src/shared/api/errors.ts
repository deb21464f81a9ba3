/** Every failure a door can report, as data. */
export const APP_ERROR_CODES = [
  'invalid-input',
  'not-found',
  'parse-error',
  'unsupported-format',
  'too-large',
  'db-from-future',
  'db-corrupt',
  'untrusted-sender',
  'network',
  'remote-error',
  'cancelled',
  'library-busy',
  'read-only',
  'unknown-method',
  'internal',
] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

/** The serialisable shape of an error crossing a process boundary. */
export type AppErrorData = { code: AppErrorCode; message: string }

/** An error with a code the user-facing doors can explain. */
export class AppError extends Error {
  readonly code: AppErrorCode

  constructor(code: AppErrorCode, message: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
  }

  /** The wire form. */
  toData(): AppErrorData {
    return { code: this.code, message: this.message }
  }
}

/** Turns anything thrown into wire data; unknown errors become `internal` with their message. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message }
}
